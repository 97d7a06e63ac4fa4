import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/**
 * Accepts a caller's `X-Request-ID` only when it is short and made of safe characters, so it cannot
 * inject into logs or headers; otherwise a fresh UUID is used.
 */
const wellFormedRequestId = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/** Fastify `genReqId`: honours a well-formed incoming `X-Request-ID`, generates one otherwise. */
export function requestIdFor(req: IncomingMessage): string {
  const header = req.headers["x-request-id"];
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate && wellFormedRequestId.test(candidate) ? candidate : randomUUID();
}
