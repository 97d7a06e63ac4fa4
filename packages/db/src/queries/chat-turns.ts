import { AppError } from "@vitae/errors";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Database } from "../database";
import {
  type ChatTurnInput,
  type ChatTurnMode,
  type ChatTurnSource,
  chatSessions,
  chatTurnInputs,
  chatTurnModes,
  chatTurns,
} from "../schema";
import { isUuid } from "./ids";
import { pageLimit } from "./keyset-cursor";

/** One question and its answer, as stored in the transcript. */
export interface ChatTurn {
  id: string;
  sessionId: string;
  profileId: string;
  /** 1, 2, … within the session, in the order the turns were appended. */
  position: number;
  question: string;
  answer: string;
  mode: ChatTurnMode;
  fallback: string | null;
  intent: string;
  refusalCode: string | null;
  sources: ChatTurnSource[];
  cards: unknown[];
  model: string | null;
  tokensIn: number | null;
  tokensOut: number | null;
  cacheHit: boolean;
  latencyMs: number;
  timings: Record<string, number>;
  input: ChatTurnInput;
  createdAt: Date;
}

const turnColumns = {
  id: chatTurns.id,
  sessionId: chatTurns.sessionId,
  profileId: chatTurns.profileId,
  position: chatTurns.position,
  question: chatTurns.question,
  answer: chatTurns.answer,
  mode: chatTurns.mode,
  fallback: chatTurns.fallback,
  intent: chatTurns.intent,
  refusalCode: chatTurns.refusalCode,
  sources: chatTurns.sources,
  cards: chatTurns.cards,
  model: chatTurns.model,
  tokensIn: chatTurns.tokensIn,
  tokensOut: chatTurns.tokensOut,
  cacheHit: chatTurns.cacheHit,
  latencyMs: chatTurns.latencyMs,
  timings: chatTurns.timings,
  input: chatTurns.input,
  createdAt: chatTurns.createdAt,
};

/** Parameters of {@link appendChatTurn}: an `ask()` result plus how it was served. */
export interface AppendChatTurnParams {
  workspaceId: string;
  sessionId: string;
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
}

const maxSpansPerSource = 50;

/** The source as stored: known fields only, spans checked against the answer they point into. */
export function storedSource(source: ChatTurnSource, answerLength: number): ChatTurnSource {
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
export function storedCount(value: number | null | undefined, name: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < 0 || value > 2_147_483_647) {
    throw new AppError("BAD_REQUEST", { message: `${name} must be a non-negative number.` });
  }
  return Math.round(value);
}

/**
 * Appends a turn to session `sessionId` of `workspaceId` at the next position and marks the session
 * active. Positions are assigned under the session's row lock (one transaction), so concurrent appends
 * to one session get distinct, gap-free positions. Throws `AppError("NOT_FOUND")` for a missing, foreign
 * or malformed session and `AppError("BAD_REQUEST")` for an unknown mode/input, a negative count or a
 * source span outside the answer.
 */
export async function appendChatTurn(db: Database, params: AppendChatTurnParams): Promise<ChatTurn> {
  if (!chatTurnModes.includes(params.mode) || !chatTurnInputs.includes(params.input)) {
    throw new AppError("BAD_REQUEST", { message: "Unknown turn mode or input." });
  }
  const latencyMs = storedCount(params.latencyMs, "latencyMs") ?? 0;
  const tokensIn = storedCount(params.tokensIn, "tokensIn");
  const tokensOut = storedCount(params.tokensOut, "tokensOut");
  const sources = params.sources.map((source) => storedSource(source, params.answer.length));
  if (!isUuid(params.workspaceId) || !isUuid(params.sessionId)) throw new AppError("NOT_FOUND");
  return db.transaction(async (tx) => {
    // The increment takes the session's row lock until commit: a concurrent append waits here and then
    // reads the committed count, so no two turns of a session can share a position.
    const [session] = await tx
      .update(chatSessions)
      .set({
        turnCount: sql`${chatSessions.turnCount} + 1`,
        lastActiveAt: sql`greatest(${chatSessions.lastActiveAt}, now())`,
      })
      .where(and(eq(chatSessions.id, params.sessionId), eq(chatSessions.workspaceId, params.workspaceId)))
      .returning({ position: chatSessions.turnCount, profileId: chatSessions.profileId });
    if (session === undefined) throw new AppError("NOT_FOUND");
    const [turn] = await tx
      .insert(chatTurns)
      .values({
        workspaceId: params.workspaceId,
        sessionId: params.sessionId,
        profileId: session.profileId,
        position: session.position,
        question: params.question,
        answer: params.answer,
        mode: params.mode,
        fallback: params.fallback ?? null,
        intent: params.intent,
        refusalCode: params.refusalCode ?? null,
        sources,
        cards: [...params.cards],
        model: params.model ?? null,
        tokensIn,
        tokensOut,
        cacheHit: params.cacheHit,
        latencyMs,
        timings: { ...params.timings },
        input: params.input,
      })
      .returning(turnColumns);
    if (turn === undefined) throw new AppError("INTERNAL", { cause: new Error("insert returned no row") });
    return turn;
  });
}

/** Default and maximum page sizes of {@link listChatTurns}. */
export const chatTurnPageSize = { default: 50, max: 100 } as const;

function encodeTurnCursor(position: number): string {
  return Buffer.from(`turn:${position}`, "utf8").toString("base64url");
}

function decodeTurnCursor(cursor: string): number {
  const match = /^turn:(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (match?.[1] === undefined)
    throw new AppError("BAD_REQUEST", { message: "The page cursor is not valid." });
  return Number(match[1]);
}

/** Parameters of {@link listChatTurns}. */
export interface ListChatTurnsParams {
  workspaceId: string;
  sessionId: string;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
  /** Page size, 1–100 (default 50). */
  limit?: number | undefined;
}

/**
 * The transcript of session `sessionId` of `workspaceId` in conversation order (oldest first), keyset
 * paginated on `position` (served by the unique `(session_id, position)` index); `nextCursor` is `null`
 * on the last page. Empty for a missing, foreign or malformed session — the caller checks the session's
 * principal first. Throws `AppError("BAD_REQUEST")` for a malformed cursor or a limit outside 1–100.
 */
export async function listChatTurns(
  db: Database,
  params: ListChatTurnsParams,
): Promise<{ items: ChatTurn[]; nextCursor: string | null }> {
  const limit = pageLimit(params.limit, chatTurnPageSize.default, chatTurnPageSize.max);
  const after = params.cursor === undefined ? 0 : decodeTurnCursor(params.cursor);
  if (!isUuid(params.workspaceId) || !isUuid(params.sessionId)) return { items: [], nextCursor: null };
  const rows = await db
    .select(turnColumns)
    .from(chatTurns)
    .where(
      and(
        eq(chatTurns.sessionId, params.sessionId),
        eq(chatTurns.workspaceId, params.workspaceId),
        gt(chatTurns.position, after),
      ),
    )
    .orderBy(asc(chatTurns.position))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeTurnCursor(last.position) : null,
  };
}
