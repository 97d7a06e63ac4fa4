import { randomUUID } from "node:crypto";
import { type ProfileView, rankProfileFacts, recordChatTurn, usagePeriodOf } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { type LlmClient, unconfiguredLlmClient } from "@vitae/llm";
import { type AskResult, ask, emptySession, type RefusalCode } from "@vitae/query";
import type { Plan } from "@vitae/ratelimit";
import type { ApiDependencies } from "../dependencies";
import { queryLlmFor } from "./query-llm";
import type { ChatOwner } from "./session-store";

/** One question, as any chat procedure (signed-in, API key, public share link) poses it. */
export interface AskRequest {
  workspaceId: string;
  plan: Plan;
  owner: ChatOwner;
  profileId: string;
  question: string;
  sessionId?: string | undefined;
  input: "text" | "voice";
  shareLinkId?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Counts an LLM call against the `llm` tier; throws when refused. Public links use their own tier. */
  admitLlmCall: () => Promise<void>;
  /** What of the profile this caller may see (a share link without contact details); default: all of it. */
  redactProfile?: ((profile: ProfileView) => ProfileView) | undefined;
}

/**
 * What every ask procedure returns. A refusal carries its stable code only: the guardrail's `reason`
 * names the pattern that matched, which would teach an asker (anonymous, on a share link) how to evade it.
 */
export type AskResponse = Omit<AskResult, "session" | "analysis" | "dropped" | "refusal"> & {
  sessionId: string;
  refusal?: { code: RefusalCode };
};

/**
 * The client for the workspace's calls (its own provider, else the deployment's). A workspace whose own
 * provider is unusable (its key unreadable) answers in basic mode rather than through the deployment's
 * provider, which it chose not to send its data to.
 */
async function workspaceLlmOf(deps: ApiDependencies, workspaceId: string): Promise<LlmClient> {
  try {
    return await deps.workspaceLlm.forWorkspace(workspaceId);
  } catch (error) {
    deps.logger.warn({ err: error }, "workspace LLM unusable; answering in basic mode");
    return unconfiguredLlmClient;
  }
}

/**
 * Runs one turn: opens (or starts) the caller's conversation, answers with the query pipeline — with
 * the LLM when one is configured, admitted by the `llm` tier and the token quota, falling back to basic
 * mode instead of failing — then persists the transcript and analytics and renews the session.
 */
export async function runAsk(deps: ApiDependencies, request: AskRequest): Promise<AskResponse> {
  const { db } = deps;
  const started = performance.now();
  const sessions = deps.chatSessions;
  // The profile, the conversation and the workspace's LLM provider are independent reads: one wait.
  const [stored, opened, llm] = await Promise.all([
    deps.profileViews.get({ workspaceId: request.workspaceId, profileId: request.profileId }),
    request.sessionId
      ? sessions.open({ sessionId: request.sessionId, profileId: request.profileId, owner: request.owner })
      : null,
    workspaceLlmOf(deps, request.workspaceId),
  ]);
  if (!stored) throw new AppError("NOT_FOUND");
  const profile = request.redactProfile ? request.redactProfile(stored) : stored;
  // A conversation that is not live (never was, expired, someone else's) starts afresh; its row is
  // written with its first turn, in the same statement.
  const isNew = opened === null || request.sessionId === undefined;
  const sessionId = isNew ? randomUUID() : (request.sessionId as string);
  const state = opened?.state ?? emptySession();

  const useLlm = llm.available && (await llmAllowed(deps, request));
  const adapter = useLlm ? queryLlmFor(llm, request.workspaceId) : null;
  const result = await ask(
    { question: request.question, profile, session: state, now: new Date() },
    {
      searchFacts: ({ profileId, query, limit }) =>
        rankProfileFacts(db, {
          workspaceId: request.workspaceId,
          profileId,
          query,
          limit: Math.min(limit, 50),
        }),
      ...(adapter ? { llm: adapter.llm } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    },
  );
  // The limit was checked before the call (llmAllowed); what the call actually spent is recorded as is,
  // even past the limit, so usage never undercounts tokens already paid for.
  const tokens = adapter ? adapter.record.tokensIn + adapter.record.tokensOut : 0;
  const eventType = result.refusal ? "refused" : result.sources.length === 0 ? "unanswered" : "asked";
  // Two writes in parallel, one round trip each: the working memory to Redis; the session, transcript,
  // analytics and token usage to Postgres in one statement. The answer waits for both, so a graceful
  // shutdown (which waits for in-flight requests) loses none.
  await Promise.all([
    sessions.save(sessionId, {
      workspaceId: request.workspaceId,
      profileId: profile.id,
      owner: request.owner,
      state: result.session,
    }),
    recordChatTurn(db, {
      workspaceId: request.workspaceId,
      profileId: profile.id,
      sessionId,
      newSession: isNew ? { principalKind: request.owner.kind, principalId: request.owner.id } : undefined,
      shareLinkId: request.shareLinkId,
      events: isNew
        ? [{ type: "session-started" }, { type: eventType, intent: result.intent }]
        : [{ type: eventType, intent: result.intent }],
      usage: tokens > 0 ? { period: usagePeriodOf(new Date()), llmTokens: tokens } : undefined,
      question: request.question,
      answer: result.answer,
      mode: result.mode,
      fallback: result.fallback ?? null,
      intent: result.intent,
      refusalCode: result.refusal?.code ?? null,
      sources: result.sources,
      cards: result.cards,
      model: adapter?.record.model ?? null,
      tokensIn: adapter ? adapter.record.tokensIn : null,
      tokensOut: adapter ? adapter.record.tokensOut : null,
      cacheHit: adapter?.record.cached ?? false,
      latencyMs: Math.round(performance.now() - started),
      timings: result.timings,
      input: request.input,
    }),
  ]);
  if (result.refusal) deps.logger.info({ refusal: result.refusal, sessionId }, "question refused");
  if (result.analysis.work.exhausted) {
    // Typo-tolerant name matching hit its budget: a hostile question or profile, answered by exact names.
    deps.logger.warn({ work: result.analysis.work, profileId: profile.id }, "ask work budget spent");
  }
  const { session: _session, analysis: _analysis, dropped: _dropped, refusal, ...answer } = result;
  return { ...answer, ...(refusal ? { refusal: { code: refusal.code } } : {}), sessionId };
}

/**
 * Whether this turn may use the LLM: the `llm` tier admits it and the month's token quota is not
 * used up. A refusal here is not an error for the user — the answer comes from basic mode instead.
 */
async function llmAllowed(deps: ApiDependencies, request: AskRequest): Promise<boolean> {
  try {
    await request.admitLlmCall();
    const usage = await deps.quota.current(request.workspaceId, request.plan);
    return usage.llmTokens.used < usage.llmTokens.limit;
  } catch (error) {
    deps.logger.info({ err: error }, "LLM not used for this answer");
    return false;
  }
}
