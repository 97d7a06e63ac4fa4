import type { SessionState } from "@vitae/query";
import type { Redis } from "ioredis";

/** Conversations are forgotten after an hour without a question (sliding: every turn renews it). */
export const chatSessionTtlSeconds = 60 * 60;

/** Who a conversation belongs to; only the same caller may continue or read it. */
export interface ChatOwner {
  kind: "user" | "apiKey" | "share";
  id: string;
}

/** What Redis keeps per conversation. */
export interface ChatSessionRecord {
  workspaceId: string;
  profileId: string;
  owner: ChatOwner;
  state: SessionState;
}

/**
 * Conversation state in Redis under `<prefix>:chat:session:<id>`, JSON with a sliding one-hour TTL.
 * Transcripts are durable in Postgres; this is only the working memory of follow-up questions.
 */
export function createChatSessionStore(redis: Redis, prefix: string) {
  const keyOf = (sessionId: string) => `${prefix}:chat:session:${sessionId}`;
  return {
    /**
     * The live conversation `sessionId` if it belongs to `owner` and is about `profileId`; null
     * otherwise — someone else's session id never reveals or continues their conversation.
     */
    async open(options: {
      sessionId: string;
      profileId: string;
      owner: ChatOwner;
    }): Promise<ChatSessionRecord | null> {
      const raw = await redis.get(keyOf(options.sessionId));
      const record = raw ? (JSON.parse(raw) as ChatSessionRecord) : null;
      if (!record || record.profileId !== options.profileId) return null;
      return record.owner.kind === options.owner.kind && record.owner.id === options.owner.id ? record : null;
    },
    /** Stores the conversation and renews its TTL. */
    async save(sessionId: string, record: ChatSessionRecord): Promise<void> {
      await redis.set(keyOf(sessionId), JSON.stringify(record), "EX", chatSessionTtlSeconds);
    },
    /** Reads a conversation for its owner only (null otherwise, indistinguishable from expired). */
    async read(sessionId: string, owner: ChatOwner): Promise<ChatSessionRecord | null> {
      const raw = await redis.get(keyOf(sessionId));
      const record = raw ? (JSON.parse(raw) as ChatSessionRecord) : null;
      return record && record.owner.kind === owner.kind && record.owner.id === owner.id ? record : null;
    },
    async forget(sessionId: string): Promise<void> {
      await redis.del(keyOf(sessionId));
    },
  };
}

export type ChatSessionStore = ReturnType<typeof createChatSessionStore>;
