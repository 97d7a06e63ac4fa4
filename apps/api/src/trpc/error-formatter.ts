import type { TRPCError } from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { databaseUnavailableError } from "@vitae/db";
import { type AppErrorCode, defaultMessageFor, errorCodeTable, isAppError } from "@vitae/errors";
import { getLogContext } from "@vitae/logger";
import { ZodError } from "zod";

/** What every tRPC error response carries in `error.data` (the JSON-RPC envelope keeps `message`). */
export interface ApiErrorData {
  /** Stable application code from `@vitae/errors`; clients switch on this. */
  code: AppErrorCode;
  httpStatus: number;
  /** The request id echoed in `X-Request-ID`, so a user can quote it to support. */
  requestId: string | null;
  /** Only for VALIDATION_FAILED: field path → messages. */
  fieldErrors?: Record<string, string[]>;
}

/** tRPC's own error codes mapped onto ours when no AppError is behind them. */
const codeFromTrpc: Partial<Record<TRPCError["code"], AppErrorCode>> = {
  PARSE_ERROR: "BAD_REQUEST",
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "PROCEDURE_NOT_FOUND",
  METHOD_NOT_SUPPORTED: "METHOD_NOT_SUPPORTED",
  TIMEOUT: "TIMEOUT",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  TOO_MANY_REQUESTS: "RATE_LIMITED",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

/** tRPC throws this exact message when `maxBatchSize` is exceeded; it has no dedicated code. */
const batchTooLargeMessage = "Batch call exceeds maximum size";

export interface ClassifiedError {
  code: AppErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

/**
 * Decides the client-visible code and message for any error that reached tRPC. Only AppError messages
 * and validation messages (both written for clients) pass through; everything else gets the code's
 * default message, so SQL, file paths and driver errors never leave the process.
 */
export function classifyTrpcError(error: TRPCError): ClassifiedError {
  // A database outage is a 503 the client may retry, not an internal error.
  const cause = isAppError(error.cause)
    ? error.cause
    : (databaseUnavailableError(error.cause) ?? error.cause);
  if (isAppError(cause)) {
    return { code: cause.code, message: cause.message, ...fieldErrorsFrom(cause.details) };
  }
  if (cause instanceof ZodError) {
    return {
      code: "VALIDATION_FAILED",
      message: defaultMessageFor("VALIDATION_FAILED"),
      fieldErrors: flattenZodError(cause),
    };
  }
  if (error.code === "BAD_REQUEST" && error.message === batchTooLargeMessage) {
    return { code: "BATCH_TOO_LARGE", message: defaultMessageFor("BATCH_TOO_LARGE") };
  }
  const code = codeFromTrpc[error.code] ?? "INTERNAL";
  return { code, message: defaultMessageFor(code) };
}

function fieldErrorsFrom(details: Record<string, unknown> | undefined): {
  fieldErrors?: Record<string, string[]>;
} {
  const fieldErrors = details?.fieldErrors;
  return fieldErrors && typeof fieldErrors === "object"
    ? { fieldErrors: fieldErrors as Record<string, string[]> }
    : {};
}

/** Zod issues keyed by dotted path ("" for the root), messages only — never the offending values. */
export function flattenZodError(error: ZodError): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    const messages = result[key] ?? [];
    messages.push(issue.message);
    result[key] = messages;
  }
  return result;
}

interface FormatterInput {
  shape: { message: string; code: number; data: object };
  error: TRPCError;
  ctx: { requestId?: string } | undefined;
}

/**
 * The one tRPC error formatter. The JSON-RPC `code` follows our mapping, `data` carries
 * `{ code, httpStatus, requestId, fieldErrors? }`, and tRPC's default `data.stack` / `data.path` are
 * dropped: stack traces never reach a client.
 */
export function formatTrpcError({ error, ctx }: FormatterInput) {
  const classified = classifyTrpcError(error);
  const table = errorCodeTable[classified.code];
  const data: ApiErrorData = {
    code: classified.code,
    httpStatus: table.http,
    // Errors raised before the context exists (oversized batch, unparsable input) still run inside the
    // request's log context, which carries the same id.
    requestId: ctx?.requestId ?? getLogContext()?.requestId ?? null,
    ...(classified.fieldErrors ? { fieldErrors: classified.fieldErrors } : {}),
  };
  return { message: classified.message, code: TRPC_ERROR_CODES_BY_KEY[table.trpc], data };
}
