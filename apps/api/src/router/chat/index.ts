import type { Principal } from "@vitae/auth";
import { getChatSession, listChatTurns } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { z } from "zod";
import { type AskResponse, runAsk } from "../../chat/run-ask";
import type { Context } from "../../trpc/context";
import { router } from "../../trpc/init";
import { type WorkspaceAccess, workspaceProcedure } from "../../trpc/procedures";
import { applyRateLimit } from "../../trpc/rate-limit";
import { isoDate } from "../schemas";
import { ownerOf } from "./owner";
import { askInput, streamChunks } from "./schemas";
import { askVoice, createVoiceUpload } from "./voice";

const askProcedure = workspaceProcedure({ role: "viewer", scope: "chat:ask" });

function askFor(
  ctx: Context & { principal: Principal; workspace: WorkspaceAccess },
  input: z.infer<typeof askInput>,
  signal: AbortSignal | undefined,
): Promise<AskResponse> {
  return runAsk(ctx.deps, {
    workspaceId: ctx.workspace.id,
    plan: ctx.workspace.plan,
    owner: ownerOf(ctx.principal),
    profileId: input.profileId,
    question: input.question,
    sessionId: input.sessionId,
    input: "text",
    signal,
    admitLlmCall: () =>
      applyRateLimit(ctx, { tier: "llm", plan: ctx.workspace.plan, identifier: `ws:${ctx.workspace.id}` }),
  });
}

/**
 * Asks a résumé a question. No output schema on purpose: the answer is built from the profile's facts
 * by the pipeline (no database row is passed through), and its typed cards reach clients by inference.
 */
const ask = askProcedure.input(askInput).mutation(({ ctx, input, signal }) => askFor(ctx, input, signal));

/**
 * The same turn, streamed: the session id, then the verified answer in small pieces, then everything
 * else (cards, sources, mode, timings). Pieces are the verifier's output, never unchecked model tokens.
 */
const stream = askProcedure.input(askInput).subscription(async function* ({ ctx, input, signal }) {
  const result = await askFor(ctx, input, signal);
  yield { type: "session" as const, sessionId: result.sessionId };
  for (const text of streamChunks(result.answer)) yield { type: "token" as const, text };
  yield { type: "done" as const, result };
});

/** The caller's own conversation, or NOT_FOUND (also for another caller's session id). */
async function ownSession(
  ctx: Context & { principal: Principal; workspace: WorkspaceAccess },
  sessionId: string,
) {
  const session = await getChatSession(ctx.deps.db, { workspaceId: ctx.workspace.id, sessionId });
  const owner = ownerOf(ctx.principal);
  if (!session || session.principalKind !== owner.kind || session.principalId !== owner.id) {
    throw new AppError("NOT_FOUND");
  }
  return session;
}

const history = askProcedure
  .input(z.strictObject({ sessionId: z.uuid(), cursor: z.string().max(200).nullish() }))
  .output(
    z.object({
      items: z.array(
        z.object({
          id: z.string(),
          position: z.number(),
          question: z.string(),
          answer: z.string(),
          mode: z.string(),
          fallback: z.string().nullable(),
          intent: z.string(),
          refusalCode: z.string().nullable(),
          // Label and spans as the live answer had them; absent on turns stored before they were kept.
          sources: z.array(
            z.object({
              factId: z.string(),
              kind: z.string(),
              label: z.string().optional(),
              spans: z.array(z.object({ start: z.number(), end: z.number() })).optional(),
            }),
          ),
          // Stored exactly as the pipeline produced them (typed on the way in, opaque JSON on the way out).
          cards: z.array(z.unknown()),
          input: z.enum(["text", "voice"]),
          createdAt: isoDate,
        }),
      ),
      nextCursor: z.string().nullable(),
    }),
  )
  .query(async ({ ctx, input }) => {
    await ownSession(ctx, input.sessionId);
    return listChatTurns(ctx.deps.db, {
      workspaceId: ctx.workspace.id,
      sessionId: input.sessionId,
      cursor: input.cursor ?? undefined,
    });
  });

/** Forgets the conversation's working memory; the transcript stays. */
const reset = askProcedure
  .input(z.strictObject({ sessionId: z.uuid() }))
  .output(z.object({ sessionId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    await ownSession(ctx, input.sessionId);
    await ctx.deps.chatSessions.forget(input.sessionId);
    return { sessionId: input.sessionId };
  });

export const chatRouter = router({ ask, stream, history, reset, createVoiceUpload, askVoice });
