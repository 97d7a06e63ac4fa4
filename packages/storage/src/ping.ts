import { AppError, isAppError } from "@vitae/errors";

/**
 * Runs a readiness probe under a hard deadline. The probe gets an `AbortSignal` so it can stop its own
 * I/O, but the deadline does not depend on it honouring the signal: a probe that hangs still yields
 * `SERVICE_UNAVAILABLE` on time, which is what a readiness endpoint needs.
 */
export async function pingWithin(
  timeoutMs: number,
  backend: string,
  probe: (signal: AbortSignal) => Promise<unknown>,
): Promise<void> {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new AppError("BAD_REQUEST", { message: "The ping timeout must be a positive number." });
  }
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new AppError("SERVICE_UNAVAILABLE", {
        message: `${backend} did not answer within ${timeoutMs} ms.`,
      });
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  const attempt = probe(controller.signal);
  // The losing promise of the race must not surface as an unhandled rejection.
  attempt.catch(() => undefined);
  try {
    await Promise.race([attempt, deadline]);
  } catch (error) {
    if (isAppError(error) && error.code === "SERVICE_UNAVAILABLE") throw error;
    throw new AppError("SERVICE_UNAVAILABLE", { message: `${backend} is not reachable.`, cause: error });
  } finally {
    clearTimeout(timer);
  }
}
