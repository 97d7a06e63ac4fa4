import { createHash } from "node:crypto";
import type { Logger } from "@vitae/logger";
import type { Redis } from "ioredis";
import type { LlmMessage } from "./types";

/** Everything that decides an answer; two calls share a cache entry only when all of it is equal. */
export interface CacheKeyParts {
  /** Provider base URL. */
  provider: string;
  model: string;
  operation: string;
  promptId: string;
  promptVersion: number;
  /** Sampling parameters and, for structured output, the JSON schema. */
  parameters: unknown;
  /** The rendered messages: the input exactly as it would be sent. */
  messages: readonly LlmMessage[];
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * `<prefix>:llm:cache:<promptId>@<version>:<sha256>`. The prompt stays readable (so one prompt's entries
 * can be found and dropped); the rest is hashed — inputs are résumés, never to be stored in a key.
 */
export function cacheKey(prefix: string, parts: CacheKeyParts): string {
  const digest = sha256(
    JSON.stringify([
      parts.provider,
      parts.model,
      parts.operation,
      parts.parameters ?? null,
      sha256(JSON.stringify(parts.messages)),
    ]),
  );
  return `${prefix}:llm:cache:${parts.promptId}@${parts.promptVersion}:${digest}`;
}

/** The response cache: best effort, so a Redis failure is logged and treated as a miss / skipped write. */
export interface ResponseCache {
  read(key: string): Promise<unknown>;
  write(key: string, value: unknown): Promise<void>;
}

/** Entries are `{ v: 1, value }` JSON; anything else (an older format, corruption) reads as a miss. */
export function createResponseCache(redis: Redis, ttlSeconds: number, logger: Logger): ResponseCache {
  return {
    async read(key) {
      let raw: string | null;
      try {
        raw = await redis.get(key);
      } catch (error) {
        logger.warn({ err: error }, "llm cache read failed; calling the provider");
        return undefined;
      }
      if (raw === null) return undefined;
      try {
        const entry = JSON.parse(raw) as { v?: unknown; value?: unknown };
        return entry.v === 1 ? entry.value : undefined;
      } catch {
        return undefined;
      }
    },
    async write(key, value) {
      try {
        await redis.set(key, JSON.stringify({ v: 1, value }), "EX", ttlSeconds);
      } catch (error) {
        logger.warn({ err: error }, "llm cache write failed");
      }
    },
  };
}
