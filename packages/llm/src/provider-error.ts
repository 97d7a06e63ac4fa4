import { AppError } from "@vitae/errors";
import { isBrokenCircuitError } from "cockatiel";

/**
 * How one HTTP exchange with the provider failed:
 * - `status`: the provider answered with a non-2xx status;
 * - `connection`: refused, reset, DNS, or the body was cut off mid-way;
 * - `timeout`: no complete answer within the operation's timeout (or the stream went idle);
 * - `protocol`: a 2xx answer that is not the documented shape (unparsable envelope, no choices).
 */
export type ProviderFailureKind = "status" | "connection" | "timeout" | "protocol";

/** Longest piece of a provider's error body kept for logs: enough to diagnose, too short to hold a prompt. */
const maxSnippetLength = 500;

/**
 * An internal, classified provider failure. Its message and snippet are already scrubbed of the API key
 * (some providers echo the key they were given in 401 bodies). Converted to an `AppError` at the client's
 * boundary by {@link toAppError}; it only ever leaves the package as that error's `cause`.
 */
export class ProviderError extends Error {
  readonly kind: ProviderFailureKind;
  readonly status: number | undefined;
  /** From `Retry-After` / `retry-after-ms`, when the provider sent one. */
  readonly retryAfterMs: number | undefined;
  /** The start of the provider's error body (scrubbed), for logs and for detecting refused parameters. */
  readonly bodySnippet: string;

  constructor(
    kind: ProviderFailureKind,
    message: string,
    details: { status?: number; retryAfterMs?: number; bodySnippet?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = "ProviderError";
    this.kind = kind;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.bodySnippet = details.bodySnippet ?? "";
  }
}

/** Replaces every occurrence of `secret` in `text` and caps the length. */
export function scrubSecret(text: string, secret: string | undefined): string {
  const scrubbed = secret ? text.split(secret).join("[redacted]") : text;
  return scrubbed.length > maxSnippetLength ? `${scrubbed.slice(0, maxSnippetLength)}…` : scrubbed;
}

/**
 * Failures worth another attempt, and that count against the circuit breaker: throttling (429), request
 * timeouts the server reports (408), server errors (5xx), our own timeouts and connection failures.
 * Other 4xx (bad key, unknown model, refused parameter) would fail the same way again.
 */
export function isTransientFailure(error: unknown): boolean {
  if (!(error instanceof ProviderError)) return false;
  if (error.kind === "timeout" || error.kind === "connection") return true;
  if (error.kind !== "status" || error.status === undefined) return false;
  return error.status === 408 || error.status === 429 || error.status >= 500;
}

/** True when a 400 says the server does not accept `response_format` / JSON-schema output. */
export function isResponseFormatRejection(error: unknown): boolean {
  return (
    error instanceof ProviderError &&
    error.kind === "status" &&
    (error.status === 400 || error.status === 422) &&
    /response_format|json_schema/i.test(error.bodySnippet)
  );
}

/**
 * Maps any failure of a provider call to the stable code a caller sees. `AppError`s pass through, the
 * caller's own abort passes through as its reason; anything unexpected is a bug and is rethrown as is.
 */
export function toAppError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (isBrokenCircuitError(error)) {
    return new AppError("LLM_UNAVAILABLE", { cause: error, details: { breaker: "open" } });
  }
  if (!(error instanceof ProviderError)) return error;
  switch (error.kind) {
    case "timeout":
      return new AppError("LLM_TIMEOUT", { cause: error });
    case "connection":
      return new AppError("LLM_UNAVAILABLE", { cause: error });
    case "protocol":
      return new AppError("LLM_BAD_OUTPUT", { cause: error });
    case "status":
      if (error.status === 429) {
        const retryAfterSeconds =
          error.retryAfterMs === undefined ? undefined : Math.ceil(error.retryAfterMs / 1000);
        return new AppError("LLM_RATE_LIMITED", {
          cause: error,
          ...(retryAfterSeconds === undefined ? {} : { details: { retryAfterSeconds } }),
        });
      }
      if (error.status === 408 || error.status === 504) return new AppError("LLM_TIMEOUT", { cause: error });
      return new AppError("LLM_UNAVAILABLE", { cause: error, details: { providerStatus: error.status } });
  }
}
