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

/**
 * The server's `error.data` (`{ code, httpStatus, requestId }`, docs/errors.md) of a tRPC error, read field
 * by field because anything on the wire may be malformed; `null` when no server answered.
 */
function serverData(
  error: unknown,
): { code: string | null; httpStatus: number | null; requestId: string | null } | null {
  if (!isTRPCClientError(error)) return null;
  const data: unknown = error.data;
  if (typeof data !== "object" || data === null) return null;
  const code: unknown = Reflect.get(data, "code");
  const httpStatus: unknown = Reflect.get(data, "httpStatus");
  const requestId: unknown = Reflect.get(data, "requestId");
  return {
    code: typeof code === "string" && code.length > 0 ? code : null,
    httpStatus: typeof httpStatus === "number" ? httpStatus : null,
    requestId: typeof requestId === "string" && requestId.length > 0 ? requestId : null,
  };
}

/**
 * The one way the web app reads a failure: anything thrown or returned as an error becomes an
 * `ErrorSummary`. tRPC errors carry the server's message (written for users), `data.code` and
 * `data.requestId`; a tRPC error without `data` never reached a server that answered.
 */
export function describeError(error: unknown): ErrorSummary {
  if (isTRPCClientError(error)) {
    const data = serverData(error);
    if (data === null) return { message: unreachableMessage, code: null, requestId: null };
    return { message: error.message || fallbackMessage, code: data.code, requestId: data.requestId };
  }
  if (error instanceof Error) {
    return { message: error.message || fallbackMessage, code: null, requestId: null };
  }
  const message = typeof error === "string" && error.length > 0 ? error : fallbackMessage;
  return { message, code: null, requestId: null };
}

/** Whether the server answered with a 4xx: its final word on this request, so retrying only repeats it. */
export function isClientFault(error: unknown): boolean {
  const status = serverData(error)?.httpStatus ?? null;
  return status !== null && status >= 400 && status < 500;
}
