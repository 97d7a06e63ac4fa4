import { AppError } from "@vitae/errors";

/**
 * Settles with `promise`, or rejects with `AppError("SERVICE_UNAVAILABLE")` after `timeoutMs`. The
 * underlying operation is not cancelled (Redis commands cannot be), so its late rejection is observed
 * here to keep it from surfacing as an unhandled rejection.
 */
export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  promise.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new AppError("SERVICE_UNAVAILABLE", { cause: new Error(`${what} timed out after ${timeoutMs} ms`) }),
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
