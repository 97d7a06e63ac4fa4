import { databaseUnavailableError } from "@vitae/db";
import { type AppErrorCode, defaultMessageFor, httpStatusFor, isAppError } from "@vitae/errors";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";

/** The body of every non-tRPC error response. */
export interface HttpErrorBody {
  code: AppErrorCode;
  message: string;
  requestId: string;
}

/** Fastify's own client errors (parser, limits, routing) by status, mapped to our closed code list. */
function codeForStatus(status: number): AppErrorCode {
  switch (status) {
    case 404:
      return "NOT_FOUND";
    case 405:
      return "METHOD_NOT_SUPPORTED";
    case 413:
      return "PAYLOAD_TOO_LARGE";
    case 415:
      return "UNSUPPORTED_MEDIA_TYPE";
    case 429:
      return "RATE_LIMITED";
    case 503:
      return "SERVICE_UNAVAILABLE";
    default:
      return status >= 400 && status < 500 ? "BAD_REQUEST" : "INTERNAL";
  }
}

/** Sends `{ code, message, requestId }` with the code's status. */
export function sendError(reply: FastifyReply, code: AppErrorCode, message = defaultMessageFor(code)) {
  const body: HttpErrorBody = { code, message, requestId: reply.request.id };
  return reply.status(httpStatusFor(code)).type("application/json; charset=utf-8").send(body);
}

/**
 * Fastify error handler for everything outside tRPC (tRPC formats its own). Client errors keep their
 * status with a plain message; anything else is logged with its cause and answered as INTERNAL, so no
 * stack, SQL or path ever reaches the client.
 */
export function handleHttpError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const appError = isAppError(error) ? error : databaseUnavailableError(error);
  if (appError !== undefined) {
    if (appError.code === "INTERNAL") request.log.error({ err: appError }, "internal error");
    return sendError(reply, appError.code, appError.message);
  }
  const status = error.statusCode ?? 500;
  const code = codeForStatus(status);
  if (code === "INTERNAL") {
    request.log.error({ err: error }, "unhandled error");
  } else {
    request.log.info({ errCode: error.code, status }, "client error");
  }
  return sendError(reply, code);
}
