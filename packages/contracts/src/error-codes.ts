/**
 * The one closed list of application error codes: for each, the tRPC code and HTTP status it produces and
 * the plain-words sentence a person sees. Packages throw `AppError(code)` (`@vitae/errors`); the API's
 * error formatter turns it into `{ code, message, requestId }`; the web app shows the sentence. Adding a
 * code is a conscious act: clients switch on these strings, so they never change meaning once shipped.
 */
export const errorCodeTable = {
  BAD_REQUEST: { trpc: "BAD_REQUEST", http: 400, message: "The request is not valid." },
  VALIDATION_FAILED: { trpc: "BAD_REQUEST", http: 400, message: "Some fields are not valid." },
  PAYLOAD_TOO_LARGE: { trpc: "PAYLOAD_TOO_LARGE", http: 413, message: "The request is too large." },
  BATCH_TOO_LARGE: { trpc: "BAD_REQUEST", http: 400, message: "Too many calls in one batch." },
  UNAUTHENTICATED: { trpc: "UNAUTHORIZED", http: 401, message: "Sign in to continue." },
  FORBIDDEN: { trpc: "FORBIDDEN", http: 403, message: "You do not have access to this." },
  NOT_FOUND: { trpc: "NOT_FOUND", http: 404, message: "Not found." },
  PROCEDURE_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, message: "No such procedure." },
  METHOD_NOT_SUPPORTED: {
    trpc: "METHOD_NOT_SUPPORTED",
    http: 405,
    message: "This method is not supported here.",
  },
  CONFLICT: { trpc: "CONFLICT", http: 409, message: "The request conflicts with the current state." },
  BASE_CHANGED: {
    trpc: "CONFLICT",
    http: 409,
    message: "The profile changed since these changes were proposed; propose them again.",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    trpc: "UNSUPPORTED_MEDIA_TYPE",
    http: 415,
    message: "This content type is not supported.",
  },
  RATE_LIMITED: { trpc: "TOO_MANY_REQUESTS", http: 429, message: "Too many requests; try again shortly." },
  QUOTA_EXCEEDED: { trpc: "TOO_MANY_REQUESTS", http: 429, message: "Your plan's quota is used up." },
  SIGNATURE_INVALID: { trpc: "FORBIDDEN", http: 403, message: "The link is not valid." },
  SIGNATURE_EXPIRED: { trpc: "FORBIDDEN", http: 403, message: "The link has expired." },
  SERVICE_UNAVAILABLE: {
    trpc: "SERVICE_UNAVAILABLE",
    http: 503,
    message: "A dependency is unavailable; try again shortly.",
  },
  TIMEOUT: { trpc: "TIMEOUT", http: 408, message: "The operation took too long." },
  JOB_PAYLOAD_INVALID: { trpc: "BAD_REQUEST", http: 400, message: "The job payload is not valid." },
  LLM_TIMEOUT: { trpc: "GATEWAY_TIMEOUT", http: 504, message: "The AI provider took too long to answer." },
  LLM_UNAVAILABLE: {
    trpc: "SERVICE_UNAVAILABLE",
    http: 503,
    message: "The AI provider is unavailable; try again shortly.",
  },
  LLM_RATE_LIMITED: {
    trpc: "TOO_MANY_REQUESTS",
    http: 429,
    message: "The AI provider is busy; try again shortly.",
  },
  LLM_BAD_OUTPUT: {
    trpc: "BAD_GATEWAY",
    http: 502,
    message: "The AI provider returned an answer we could not use.",
  },
  LLM_NOT_CONFIGURED: {
    trpc: "SERVICE_UNAVAILABLE",
    http: 503,
    message: "AI features are not configured on this server.",
  },
  INTERNAL: { trpc: "INTERNAL_SERVER_ERROR", http: 500, message: "Something went wrong on our side." },
} as const satisfies Record<string, { trpc: TrpcErrorCodeName; http: number; message: string }>;

/** The subset of tRPC error code names the table maps onto (kept local so no tRPC dependency is needed). */
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

/** True for one of {@link appErrorCodes} (own keys only, so `"__proto__"` is not a code). */
export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === "string" && Object.hasOwn(errorCodeTable, value);
}

/** The client-safe default sentence for a code. */
export function defaultMessageFor(code: AppErrorCode): string {
  return errorCodeTable[code].message;
}

/** HTTP status for a code. */
export function httpStatusFor(code: AppErrorCode): number {
  return errorCodeTable[code].http;
}
