import { isTRPCClientError } from "@trpc/client";

/** What the UI may show about a failure: plain words plus the identifiers support needs, never a stack. */
export interface ErrorSummary {
  message: string;
  /** The stable application or tRPC code (e.g. `SERVICE_UNAVAILABLE`), when the server sent one. */
  code: string | null;
  /** The server's request id, so a user can quote it and an operator can find the log line. */
  requestId: string | null;
}

const unreachableMessage = "Could not reach the Vitae server. Check your connection and try again.";
const fallbackMessage = "Something went wrong.";

function readString(source: unknown, key: string): string | null {
  if (typeof source !== "object" || source === null) return null;
  const value = (source as Record<string, unknown>)[key];
  return typeof value === "string" && value.length > 0 ? value : null;
}

/**
 * Turns anything thrown or returned as an error into an `ErrorSummary`. tRPC errors carry the server's
 * `data.code` and `data.requestId`; a tRPC error without `data` never reached a server that answered.
 */
export function describeError(error: unknown): ErrorSummary {
  if (isTRPCClientError(error)) {
    const data: unknown = error.data;
    if (data === undefined || data === null) {
      return { message: unreachableMessage, code: null, requestId: null };
    }
    return {
      message: error.message || fallbackMessage,
      code: readString(data, "code"),
      requestId: readString(data, "requestId"),
    };
  }
  if (error instanceof Error) {
    return { message: error.message || fallbackMessage, code: null, requestId: null };
  }
  const message = typeof error === "string" && error.length > 0 ? error : fallbackMessage;
  return { message, code: null, requestId: null };
}
