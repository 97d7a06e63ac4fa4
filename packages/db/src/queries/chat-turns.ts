import { AppError } from "@vitae/errors";
import { and, asc, eq, gt } from "drizzle-orm";
import type { Database } from "../database";
import { type ChatTurnInput, type ChatTurnMode, type ChatTurnSource, chatTurns } from "../schema";
import { isUuid } from "./ids";
import { pageLimit } from "./keyset-cursor";

/** One question and its answer, as stored in the transcript. */
export interface ChatTurn {
  id: string;
  sessionId: string;
  profileId: string;
  /** 1, 2, … within the session, in the order the turns were recorded. */
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
