import { AppError } from "@vitae/errors";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../database";
import { type ChatPrincipalKind, chatPrincipalKinds, chatSessions } from "../schema";
import { isUuid } from "./ids";
import { isForeignKeyViolation } from "./pg-errors";

/** A conversation's durable record (its follow-up state lives in Redis). */
export interface ChatSession {
  id: string;
  workspaceId: string;
  profileId: string;
  principalKind: ChatPrincipalKind;
  /** User id, API key id or share link id, by `principalKind`. */
  principalId: string;
  /** Set exactly when `principalKind` is `share` (equal to `principalId`). */
  shareLinkId: string | null;
  /** Turns appended so far (the last turn's position). */
  turnCount: number;
  createdAt: Date;
  lastActiveAt: Date;
}

/** Explicit selection behind {@link ChatSession}. */
export const chatSessionColumns = {
  id: chatSessions.id,
  workspaceId: chatSessions.workspaceId,
  profileId: chatSessions.profileId,
  principalKind: chatSessions.principalKind,
  principalId: chatSessions.principalId,
  shareLinkId: chatSessions.shareLinkId,
  turnCount: chatSessions.turnCount,
  createdAt: chatSessions.createdAt,
  lastActiveAt: chatSessions.lastActiveAt,
};

/** Parameters of {@link createChatSession}. */
export interface CreateChatSessionParams {
  workspaceId: string;
  profileId: string;
  principalKind: ChatPrincipalKind;
  /** User id, API key id, or — for `share` — the share link id (then also stored as `shareLinkId`). */
  principalId: string;
  /** The new session's id, when the caller needs it before the row is written; generated otherwise. */
  id?: string | undefined;
}

/**
 * Starts a session with `profileId` for a principal. Throws `AppError("NOT_FOUND")` when the profile is
 * not in `workspaceId`, or a `share` principal's link is not a link to that profile in that workspace
 * (malformed ids alike); `AppError("BAD_REQUEST")` for an unknown principal kind. Whether the principal
 * may ask (a live link, a member, a scoped key) is the caller's check.
 */
export async function createChatSession(db: Database, params: CreateChatSessionParams): Promise<ChatSession> {
  if (!chatPrincipalKinds.includes(params.principalKind)) {
    throw new AppError("BAD_REQUEST", { message: "Unknown principal kind." });
  }
  if (!isUuid(params.workspaceId) || !isUuid(params.profileId) || !isUuid(params.principalId)) {
    throw new AppError("NOT_FOUND");
  }
  if (params.id !== undefined && !isUuid(params.id)) {
    throw new AppError("BAD_REQUEST", { message: "A session id is a UUID." });
  }
  try {
    const [row] = await db
      .insert(chatSessions)
      .values({
        ...(params.id === undefined ? {} : { id: params.id }),
        workspaceId: params.workspaceId,
        profileId: params.profileId,
        principalKind: params.principalKind,
        principalId: params.principalId,
        shareLinkId: params.principalKind === "share" ? params.principalId : null,
      })
      .returning(chatSessionColumns);
    if (row === undefined) throw new AppError("INTERNAL", { cause: new Error("insert returned no row") });
    return row;
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new AppError("NOT_FOUND", { cause: error });
    throw error;
  }
}

function prepareGetChatSession(db: Database) {
  // Named: read on every turn of every conversation.
  return db
    .select(chatSessionColumns)
    .from(chatSessions)
    .where(
      and(
        eq(chatSessions.id, sql.placeholder("sessionId")),
        eq(chatSessions.workspaceId, sql.placeholder("workspaceId")),
      ),
    )
    .limit(1)
    .prepare("vitae_get_chat_session");
}

const preparedGetChatSession = new WeakMap<Database, ReturnType<typeof prepareGetChatSession>>();

/**
 * Session `sessionId` of `workspaceId`, or `undefined` (also for another workspace's session and a
 * malformed id). Callers compare `principalKind`/`principalId` with the asker: another principal's
 * session must look missing too.
 */
export async function getChatSession(
  db: Database,
  params: { workspaceId: string; sessionId: string },
): Promise<ChatSession | undefined> {
  if (!isUuid(params.workspaceId) || !isUuid(params.sessionId)) return undefined;
  let prepared = preparedGetChatSession.get(db);
  if (prepared === undefined) {
    prepared = prepareGetChatSession(db);
    preparedGetChatSession.set(db, prepared);
  }
  const [row] = await prepared.execute({ workspaceId: params.workspaceId, sessionId: params.sessionId });
  return row;
}

/**
 * Marks session `sessionId` of `workspaceId` active at `now` (default: the database clock); never moves
 * `lastActiveAt` backwards. Returns whether the session exists. `appendChatTurn` touches it too.
 */
export async function touchChatSession(
  db: Database,
  params: { workspaceId: string; sessionId: string; now?: Date },
): Promise<boolean> {
  if (!isUuid(params.workspaceId) || !isUuid(params.sessionId)) return false;
  const now = params.now === undefined ? sql`now()` : sql`${params.now.toISOString()}::timestamptz`;
  const rows = await db
    .update(chatSessions)
    .set({ lastActiveAt: sql`greatest(${chatSessions.lastActiveAt}, ${now})` })
    .where(and(eq(chatSessions.id, params.sessionId), eq(chatSessions.workspaceId, params.workspaceId)))
    .returning({ id: chatSessions.id });
  return rows.length > 0;
}
