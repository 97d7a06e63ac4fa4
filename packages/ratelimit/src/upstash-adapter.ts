import { createHash } from "node:crypto";
import type { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "ioredis";

/** The Redis client type `@upstash/ratelimit` expects (its REST client); only `evalsha`/`eval` are used. */
export type UpstashRedis = ConstructorParameters<typeof Ratelimit>[0]["redis"];

type ScriptArg = string | number | boolean | null | undefined;

/** `#!lua flags=allow-key-locking` (Redis ≥ 7.4) opens every upstash script; Redis 7.0 rejects the flag. */
const shebangLine = /^#![^\n]*\n/;

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/** The error upstash's `safeEval` recognises (it matches "NOSCRIPT" in the text) to fall back to EVAL. */
function noScriptError(sha: string): Error {
  return new Error(`NOSCRIPT No matching script for ${sha} (not yet loaded through this adapter)`);
}

function toArgs(keys: readonly string[], args: readonly ScriptArg[]): (string | number)[] {
  // The REST client JSON-encodes arguments; ioredis needs strings or numbers (reset passes `null`).
  return [...keys, ...args.map((arg) => (typeof arg === "number" ? arg : arg == null ? "" : String(arg)))];
}

/**
 * Lets `@upstash/ratelimit` (written for the Upstash REST client) run over an ioredis connection.
 *
 * Upstash calls `evalsha(sha, keys[], args[])` with the SHA-1 of its original script and, on an error
 * containing `NOSCRIPT`, `eval(script, keys[], args[])`. The adapter strips the shebang line before a
 * script reaches Redis, so the SHA Redis knows is that of the stripped text: `eval` records the mapping
 * original SHA → stripped SHA, and `evalsha` translates through it. An unknown SHA (first call in this
 * process) or a flushed script cache both surface as NOSCRIPT, so upstash falls back to EVAL, which loads
 * the script again. Errors from Redis are passed through untouched.
 */
export function createUpstashAdapter(redis: Redis): UpstashRedis {
  const strippedShaByOriginal = new Map<string, string>();

  const adapter = {
    async evalsha(sha: string, keys: string[], args: ScriptArg[]): Promise<unknown> {
      const stripped = strippedShaByOriginal.get(sha);
      if (stripped === undefined) throw noScriptError(sha);
      return redis.evalsha(stripped, keys.length, ...toArgs(keys, args));
    },
    async eval(script: string, keys: string[], args: ScriptArg[]): Promise<unknown> {
      const body = script.replace(shebangLine, "");
      const result = await redis.eval(body, keys.length, ...toArgs(keys, args));
      // Recorded only once Redis has run (and so cached) the script; EVAL loads it as a side effect.
      strippedShaByOriginal.set(sha1(script), sha1(body));
      return result;
    },
  };
  // Upstash's type is the full REST client class; at run time it calls only the two methods above.
  return adapter as unknown as UpstashRedis;
}
