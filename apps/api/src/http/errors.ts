import { databaseUnavailableError } from "@vitae/db";
import { type AppErrorCode, defaultMessageFor, httpStatusFor, isAppError } from "@vitae/errors";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import type { SecurityHeaders } from "./security";

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

/**
 * Fastify's `frameworkErrors`: router failures that happen before any hook runs — a path that is not
 * valid percent-encoding (`GET /%`), a route parameter over `maxParamLength`. Fastify's own answer
 * echoes the path and carries no security headers or request id; this one is the error contract, with
 * both, and never repeats the path.
 */
export function createFrameworkErrorHandler(securityHeaders: SecurityHeaders) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    securityHeaders(request, reply);
    reply.header("x-request-id", request.id);
    if (error.code !== "FST_ERR_BAD_URL" && error.code !== "FST_ERR_MAX_PARAM_LENGTH") {
      request.log.error({ err: error }, "router error");
      return sendError(reply, "INTERNAL");
    }
    request.log.info({ errCode: error.code, status: 400 }, "client error");
    const tooLong = error.code === "FST_ERR_MAX_PARAM_LENGTH";
    return sendError(
      reply,
      "BAD_REQUEST",
      tooLong ? "The address is too long." : "The address is not valid.",
    );
  };
}
