import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../database";
import { type ChatPrincipalKind, chatSessions } from "../schema";
import { isUuid } from "./ids";

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
