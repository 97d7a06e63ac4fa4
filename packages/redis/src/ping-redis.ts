import { AppError } from "@vitae/errors";
import type { Redis } from "ioredis";

/**
 * Sends `PING` and settles within `timeoutMs`: resolves on `PONG`, otherwise rejects with
 * `AppError("SERVICE_UNAVAILABLE")` (cause kept) — whether Redis refuses, hangs, or the connection is
 * closed. Works for every role: a worker connection would otherwise queue the command until reconnect.
 * Used by readiness endpoints of the API and worker.
 */
export async function pingRedis(redis: Redis, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new AppError("SERVICE_UNAVAILABLE", {
          cause: new Error(`Redis PING timed out after ${timeoutMs} ms`),
        }),
      );
    }, timeoutMs);
  });
  const ping = redis.ping();
  // If the timer wins, the queued PING may still fail later; observe it so it is not an unhandled rejection.
  ping.catch(() => undefined);
  try {
    const reply = await Promise.race([ping, timeout]);
    if (reply !== "PONG") {
      throw new AppError("SERVICE_UNAVAILABLE", { cause: new Error(`Unexpected PING reply: ${reply}`) });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("SERVICE_UNAVAILABLE", { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
