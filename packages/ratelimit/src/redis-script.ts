import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/** Scripts are module constants, so this holds a handful of entries. */
const shaByScript = new Map<string, string>();

/**
 * Runs a Lua script by its SHA-1 (`EVALSHA`: the script text crosses the network once per Redis), falling
 * back to `EVAL` — which caches it again — when Redis answers NOSCRIPT (first use, restart, SCRIPT FLUSH).
 */
export async function runScript(
  redis: Redis,
  script: string,
  keys: readonly string[],
  args: readonly (string | number)[],
): Promise<unknown> {
  let sha = shaByScript.get(script);
  if (sha === undefined) {
    sha = createHash("sha1").update(script).digest("hex");
    shaByScript.set(script, sha);
  }
  try {
    return await redis.evalsha(sha, keys.length, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
    return redis.eval(script, keys.length, ...keys, ...args);
  }
}
