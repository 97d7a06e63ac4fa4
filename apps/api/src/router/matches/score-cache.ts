import { createHash } from "node:crypto";
import type { ScoreResult } from "@vitae/matching";
import type { Redis } from "ioredis";

/**
 * A day: the key already changes with every input of the score (see {@link MatchScoreKey}), so the TTL
 * only bounds how long entries for postings and profile versions nobody asks about again stay around.
 */
export const matchScoreTtlSeconds = 24 * 60 * 60;

/** Everything a score depends on. Any change among these is a different key, so no entry ever goes stale. */
export interface MatchScoreKey {
  workspaceId: string;
  profileId: string;
  /** `getProfileVersion`: changed by every correction and re-parse. */
  profileVersion: string;
  postingId: string;
  /** The extraction that produced the posting's stored requirements. */
  extractorVersion: string;
  scorerVersion: string;
  /** `YYYY-MM-DD` (UTC) the score was computed for: years of a current role grow with it. */
  day: string;
}

/**
 * Match scores in Redis under `<prefix>:match:score:<profileId>:<postingId>:<sha256 of the rest>`, JSON
 * with a TTL of {@link matchScoreTtlSeconds}. Only a cache: a miss recomputes from Postgres.
 */
export function createMatchScoreCache(redis: Redis, prefix: string) {
  const keyOf = (key: MatchScoreKey) => {
    const version = createHash("sha256")
      .update(
        JSON.stringify([
          key.workspaceId,
          key.profileVersion,
          key.extractorVersion,
          key.scorerVersion,
          key.day,
        ]),
      )
      .digest("hex");
    return `${prefix}:match:score:${key.profileId}:${key.postingId}:${version}`;
  };
  return {
    /** The cached score for exactly these inputs, or null (absent, expired or unreadable). */
    async get(key: MatchScoreKey): Promise<ScoreResult | null> {
      const raw = await redis.get(keyOf(key));
      if (raw === null) return null;
      try {
        return JSON.parse(raw) as ScoreResult;
      } catch {
        // A damaged entry is a miss: the caller recomputes and overwrites it.
        return null;
      }
    },
    async set(key: MatchScoreKey, score: ScoreResult): Promise<void> {
      await redis.set(keyOf(key), JSON.stringify(score), "EX", matchScoreTtlSeconds);
    },
  };
}

export type MatchScoreCache = ReturnType<typeof createMatchScoreCache>;
