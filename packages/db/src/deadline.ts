import { AppError } from "@vitae/errors";

/**
 * Settles with `operation` or rejects with `AppError("SERVICE_UNAVAILABLE")` after `timeoutMs`, whichever
 * comes first; any failure of `operation` is wrapped the same way (cause kept). Used by `ping`.
 */
export async function withDeadline<T>(
  operation: PromiseLike<T>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  // Adopt once: drizzle queries are lazy thenables that run again on every `then`/`catch`.
  const running = Promise.resolve(operation);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new AppError("SERVICE_UNAVAILABLE", { cause: new Error(`${what} timed out after ${timeoutMs} ms`) }),
      );
    }, timeoutMs);
  });
  // The operation may still fail after the deadline won; observe it so it is never an unhandled rejection.
  running.catch(() => undefined);
  try {
    return await Promise.race([running, deadline]);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("SERVICE_UNAVAILABLE", { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
