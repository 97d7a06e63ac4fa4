import { AppError } from "@vitae/errors";
import { sql } from "drizzle-orm";
import type { Database } from "../database";
import {
  type ChatEventType,
  type ChatPrincipalKind,
  type ChatTurnInput,
  type ChatTurnMode,
  type ChatTurnSource,
  chatEventTypes,
  chatPrincipalKinds,
  chatTurnInputs,
  chatTurnModes,
} from "../schema";
import { isUuid } from "./ids";
import { isForeignKeyViolation } from "./pg-errors";
import { storedBytesBefore, usagePeriodPattern } from "./usage";

/** Parameters of {@link recordChatTurn}: an `ask()` result, how it was served, and what goes with it. */
export interface RecordChatTurnParams {
  workspaceId: string;
  sessionId: string;
  /** The profile asked about; an existing session must be about it. */
  profileId: string;
  question: string;
  answer: string;
  mode: ChatTurnMode;
  fallback?: string | null | undefined;
  intent: string;
  refusalCode?: string | null | undefined;
  /**
   * Cited facts with their labels and the spans of `answer` each supports, so a transcript read back
   * places its citations as the live answer did. A span outside the answer is a BAD_REQUEST.
   */
  sources: readonly ChatTurnSource[];
  cards: readonly unknown[];
  model?: string | null | undefined;
  tokensIn?: number | null | undefined;
  tokensOut?: number | null | undefined;
  cacheHit: boolean;
  latencyMs: number;
  /** Milliseconds per pipeline stage. */
  timings: Readonly<Record<string, number>>;
  input: ChatTurnInput;
  /**
   * Set when this turn opens the conversation: the session row (id `sessionId`) is created by the same
   * statement, as the turn at position 1. Unset: session `sessionId` must exist and gets the next position.
   */
  newSession?: { principalKind: ChatPrincipalKind; principalId: string } | undefined;
  /** Analytics events of this turn (`session-started`, `asked`, …), on the same session and profile. */
  events: readonly { type: ChatEventType; intent?: string | null | undefined }[];
  /** The share link the question came through, recorded on the events. */
  shareLinkId?: string | null | undefined;
  /** LLM tokens the turn spent, added to `period`'s usage (nothing is written for 0). */
  usage?: { period: string; llmTokens: number } | undefined;
}

const maxSpansPerSource = 50;

/** The source as stored: known fields only, spans checked against the answer they point into. */
function storedSource(source: ChatTurnSource, answerLength: number): ChatTurnSource {
  const stored: ChatTurnSource = { factId: source.factId, kind: source.kind };
  if (source.label !== undefined) stored.label = source.label.slice(0, 300);
  if (source.spans !== undefined) {
    const valid = source.spans.every(
      (span) =>
        Number.isInteger(span.start) &&
        Number.isInteger(span.end) &&
        span.start >= 0 &&
        span.start <= span.end &&
        span.end <= answerLength,
    );
    if (!valid || source.spans.length > maxSpansPerSource)
      throw new AppError("BAD_REQUEST", { message: "A source span lies outside its answer." });
    stored.spans = source.spans.map((span) => ({ start: span.start, end: span.end }));
  }
  return stored;
}

/** A stored count: null when absent, rounded, `BAD_REQUEST` when negative or beyond a Postgres integer. */
function storedCount(value: number | null | undefined, name: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < 0 || value > 2_147_483_647) {
    throw new AppError("BAD_REQUEST", { message: `${name} must be a non-negative number.` });
  }
  return Math.round(value);
}

/** The rows a driver's `execute` returned (postgres.js: the result itself; PGlite: its `rows`). */
function rowsOf(result: unknown): Record<string, unknown>[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
}

function checkedParams(params: RecordChatTurnParams) {
  if (!chatTurnModes.includes(params.mode) || !chatTurnInputs.includes(params.input)) {
    throw new AppError("BAD_REQUEST", { message: "Unknown turn mode or input." });
  }
  if (params.events.some((event) => !chatEventTypes.includes(event.type))) {
    throw new AppError("BAD_REQUEST", { message: "Unknown chat event type." });
  }
  if (params.newSession !== undefined && !chatPrincipalKinds.includes(params.newSession.principalKind)) {
    throw new AppError("BAD_REQUEST", { message: "Unknown principal kind." });
  }
  const llmTokens = params.usage === undefined ? 0 : (storedCount(params.usage.llmTokens, "llmTokens") ?? 0);
  if (params.usage !== undefined && !usagePeriodPattern.test(params.usage.period)) {
    throw new AppError("BAD_REQUEST", { message: "The usage period must look like YYYY-MM." });
  }
  const shareLinkId = params.shareLinkId ?? null;
  const principalId = params.newSession?.principalId ?? null;
  const ids = [params.workspaceId, params.sessionId, params.profileId, shareLinkId, principalId];
  if (ids.some((id) => id !== null && !isUuid(id))) throw new AppError("NOT_FOUND");
  return {
    latencyMs: storedCount(params.latencyMs, "latencyMs") ?? 0,
    tokensIn: storedCount(params.tokensIn, "tokensIn"),
    tokensOut: storedCount(params.tokensOut, "tokensOut"),
    sources: params.sources.map((source) => storedSource(source, params.answer.length)),
    events: params.events.map((event) => ({ type: event.type, intent: event.intent ?? null })),
    llmTokens,
    shareLinkId,
    principalId,
  };
}

/**
 * Writes one turn of a conversation — the session (created, or advanced to the next position under its
 * row lock), the transcript row, the turn's analytics events and the LLM tokens it spent — in ONE
 * statement of data-modifying CTEs: one round trip, one implicit transaction (all or nothing), and the
 * same text every time, so postgres.js keeps it prepared per connection. Concurrent turns of one session
 * get distinct, gap-free positions (the update waits for the row lock, then sees the committed count).
 * Throws `AppError("NOT_FOUND")` for a missing, foreign or malformed session (or one about another
 * profile), a profile or share link not in the workspace; `AppError("BAD_REQUEST")` for an unknown mode, input, event
 * type, principal kind or usage period, a negative count, or a source span outside the answer.
 */
export async function recordChatTurn(
  db: Database,
  params: RecordChatTurnParams,
): Promise<{ id: string; position: number }> {
  const checked = checkedParams(params);
  const isNew = params.newSession !== undefined;
  const principalKind = params.newSession?.principalKind ?? null;
  const sessionShareLinkId = principalKind === "share" ? checked.principalId : null;
  const period = params.usage?.period ?? "0000-01";
  const workspaceId = sql`${params.workspaceId}::uuid`;
  const sessionId = sql`${params.sessionId}::uuid`;
  const profileId = sql`${params.profileId}::uuid`;
  let result: unknown;
  try {
    result = await db.execute(sql`
      with fresh as (
        insert into chat_sessions (id, workspace_id, profile_id, principal_kind, principal_id, share_link_id, turn_count)
        select ${sessionId}, ${workspaceId}, ${profileId}, ${principalKind}::text, ${checked.principalId}::uuid,
          ${sessionShareLinkId}::uuid, 1
        where ${isNew}::boolean
        returning turn_count as position
      ), bumped as (
        update chat_sessions
        set turn_count = turn_count + 1, last_active_at = greatest(last_active_at, now())
        where id = ${sessionId} and workspace_id = ${workspaceId} and profile_id = ${profileId}
          and not ${isNew}::boolean
        returning turn_count as position
      ), session as (
        select position from fresh union all select position from bumped
      ), turn as (
        insert into chat_turns (workspace_id, session_id, profile_id, position, question, answer, mode, fallback,
          intent, refusal_code, sources, cards, model, tokens_in, tokens_out, cache_hit, latency_ms, timings, input)
        select ${workspaceId}, ${sessionId}, ${profileId}, session.position, ${params.question}::text,
          ${params.answer}::text, ${params.mode}::text, ${params.fallback ?? null}::text, ${params.intent}::text,
          ${params.refusalCode ?? null}::text, ${JSON.stringify(checked.sources)}::jsonb,
          ${JSON.stringify(params.cards)}::jsonb, ${params.model ?? null}::text, ${checked.tokensIn}::integer,
          ${checked.tokensOut}::integer, ${params.cacheHit}::boolean, ${checked.latencyMs}::integer,
          ${JSON.stringify(params.timings)}::jsonb, ${params.input}::text
        from session
        returning id, position
      ), events as (
        insert into chat_events (workspace_id, profile_id, session_id, share_link_id, type, intent)
        select ${workspaceId}, ${profileId}, ${sessionId}, ${checked.shareLinkId}::uuid, event.type, event.intent
        from session cross join jsonb_to_recordset(${JSON.stringify(checked.events)}::jsonb) as event(type text, intent text)
        returning 1
      ), usage as (
        -- Stored bytes are a balance: a new period's row starts from the latest earlier period's total.
        insert into workspace_usage (workspace_id, period, llm_tokens, stored_bytes)
        select ${workspaceId}, ${period}::text, ${checked.llmTokens}::bigint,
          coalesce((${storedBytesBefore(params.workspaceId, period)}), 0)
        from session where ${checked.llmTokens}::bigint > 0
        on conflict (workspace_id, period) do update
        set llm_tokens = workspace_usage.llm_tokens + excluded.llm_tokens, updated_at = now()
        returning 1
      )
      select id, position from turn
    `);
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new AppError("NOT_FOUND", { cause: error });
    throw error;
  }
  const [row] = rowsOf(result);
  if (row === undefined) throw new AppError("NOT_FOUND");
  return { id: String(row.id), position: Number(row.position) };
}
