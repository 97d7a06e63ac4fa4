/**
 * The one closed list of application error codes and their mapping to transport statuses.
 *
 * Packages throw `AppError(code)`; only the API's error formatter turns it into a response. Adding a
 * code is a conscious act: clients switch on these strings, so they never change meaning once shipped.
 */

/** Transport mapping of every code: the tRPC error code and the HTTP status it produces. */
export const errorCodeTable = {
  BAD_REQUEST: { trpc: "BAD_REQUEST", http: 400 },
  VALIDATION_FAILED: { trpc: "BAD_REQUEST", http: 400 },
  PAYLOAD_TOO_LARGE: { trpc: "PAYLOAD_TOO_LARGE", http: 413 },
  BATCH_TOO_LARGE: { trpc: "BAD_REQUEST", http: 400 },
  UNAUTHENTICATED: { trpc: "UNAUTHORIZED", http: 401 },
  FORBIDDEN: { trpc: "FORBIDDEN", http: 403 },
  NOT_FOUND: { trpc: "NOT_FOUND", http: 404 },
  PROCEDURE_NOT_FOUND: { trpc: "NOT_FOUND", http: 404 },
  METHOD_NOT_SUPPORTED: { trpc: "METHOD_NOT_SUPPORTED", http: 405 },
  CONFLICT: { trpc: "CONFLICT", http: 409 },
  UNSUPPORTED_MEDIA_TYPE: { trpc: "UNSUPPORTED_MEDIA_TYPE", http: 415 },
  RATE_LIMITED: { trpc: "TOO_MANY_REQUESTS", http: 429 },
  QUOTA_EXCEEDED: { trpc: "TOO_MANY_REQUESTS", http: 429 },
  SIGNATURE_INVALID: { trpc: "FORBIDDEN", http: 403 },
  SIGNATURE_EXPIRED: { trpc: "FORBIDDEN", http: 403 },
  SERVICE_UNAVAILABLE: { trpc: "SERVICE_UNAVAILABLE", http: 503 },
  TIMEOUT: { trpc: "TIMEOUT", http: 408 },
  JOB_PAYLOAD_INVALID: { trpc: "BAD_REQUEST", http: 400 },
  LLM_TIMEOUT: { trpc: "GATEWAY_TIMEOUT", http: 504 },
  LLM_UNAVAILABLE: { trpc: "SERVICE_UNAVAILABLE", http: 503 },
  LLM_RATE_LIMITED: { trpc: "TOO_MANY_REQUESTS", http: 429 },
  LLM_BAD_OUTPUT: { trpc: "BAD_GATEWAY", http: 502 },
  LLM_NOT_CONFIGURED: { trpc: "SERVICE_UNAVAILABLE", http: 503 },
  INTERNAL: { trpc: "INTERNAL_SERVER_ERROR", http: 500 },
} as const satisfies Record<string, { trpc: TrpcErrorCodeName; http: number }>;

/** The subset of tRPC error code names this table maps onto (kept local so packages need no tRPC dep). */
type TrpcErrorCodeName =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "METHOD_NOT_SUPPORTED"
  | "TIMEOUT"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "TOO_MANY_REQUESTS"
  | "INTERNAL_SERVER_ERROR"
  | "BAD_GATEWAY"
  | "SERVICE_UNAVAILABLE"
  | "GATEWAY_TIMEOUT";

/** A stable, client-visible error code. */
export type AppErrorCode = keyof typeof errorCodeTable;

/** Every code, for validation and exhaustive tests. */
export const appErrorCodes = Object.keys(errorCodeTable) as AppErrorCode[];

/** Plain-words default message per code, safe to show to any client. */
const defaultMessages: Record<AppErrorCode, string> = {
  BAD_REQUEST: "The request is not valid.",
  VALIDATION_FAILED: "Some fields are not valid.",
  PAYLOAD_TOO_LARGE: "The request is too large.",
  BATCH_TOO_LARGE: "Too many calls in one batch.",
  UNAUTHENTICATED: "Sign in to continue.",
  FORBIDDEN: "You do not have access to this.",
  NOT_FOUND: "Not found.",
  PROCEDURE_NOT_FOUND: "No such procedure.",
  METHOD_NOT_SUPPORTED: "This method is not supported here.",
  CONFLICT: "The request conflicts with the current state.",
  UNSUPPORTED_MEDIA_TYPE: "This content type is not supported.",
  RATE_LIMITED: "Too many requests; try again shortly.",
  QUOTA_EXCEEDED: "Your plan's quota is used up.",
  SIGNATURE_INVALID: "The link is not valid.",
  SIGNATURE_EXPIRED: "The link has expired.",
  SERVICE_UNAVAILABLE: "A dependency is unavailable; try again shortly.",
  TIMEOUT: "The operation took too long.",
  JOB_PAYLOAD_INVALID: "The job payload is not valid.",
  LLM_TIMEOUT: "The AI provider took too long to answer.",
  LLM_UNAVAILABLE: "The AI provider is unavailable; try again shortly.",
  LLM_RATE_LIMITED: "The AI provider is busy; try again shortly.",
  LLM_BAD_OUTPUT: "The AI provider returned an answer we could not use.",
  LLM_NOT_CONFIGURED: "AI features are not configured on this server.",
  INTERNAL: "Something went wrong on our side.",
};

export interface AppErrorOptions {
  /** Client-safe message; defaults to the code's plain-words message. Never put secrets, SQL or paths here. */
  message?: string;
  /** The underlying error, kept for logs only — never serialised to clients. */
  cause?: unknown;
  /** Client-safe structured details (e.g. validation field errors). */
  details?: Record<string, unknown>;
}

/** The only error type packages throw for expected failures; anything else is treated as INTERNAL. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? defaultMessages[code], { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.details = options.details;
  }
}

/** True for an `AppError`, including one from another copy of this module (compares by shape). */
export function isAppError(error: unknown): error is AppError {
  return (
    error instanceof AppError ||
    (error instanceof Error &&
      error.name === "AppError" &&
      typeof (error as AppError).code === "string" &&
      (error as AppError).code in errorCodeTable)
  );
}

/** The client-safe default message for a code. */
export function defaultMessageFor(code: AppErrorCode): string {
  return defaultMessages[code];
}

/** HTTP status for a code. */
export function httpStatusFor(code: AppErrorCode): number {
  return errorCodeTable[code].http;
}
