import type { Logger } from "@vitae/logger";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ApiDependencies } from "../dependencies";

/**
 * What every procedure sees. Built by `createContextInner` (tests, `createCaller`) or `createContext`
 * (HTTP). Later capabilities add the authenticated principal here.
 */
export interface Context {
  deps: ApiDependencies;
  requestId: string;
  logger: Logger;
  /** Aborted when the client goes away or the server shuts down; long-running procedures stop on it. */
  signal: AbortSignal;
}

export interface InnerContextOptions {
  requestId: string;
  signal?: AbortSignal;
}

/** Builds a context without HTTP: used by `createCaller` in tests and by the HTTP context below. */
export function createContextInner(deps: ApiDependencies, options: InnerContextOptions): Context {
  const signal = options.signal
    ? AbortSignal.any([options.signal, deps.shutdownSignal])
    : deps.shutdownSignal;
  return {
    deps,
    requestId: options.requestId,
    logger: deps.logger.child({ requestId: options.requestId }),
    signal,
  };
}

/** The HTTP context factory for the Fastify adapter; the request id is Fastify's validated `req.id`. */
export function createHttpContextFactory(deps: ApiDependencies) {
  return ({ req, res }: { req: FastifyRequest; res: FastifyReply }): Context => {
    const aborted = new AbortController();
    // The raw socket closing before the response ended means the client left (SSE tabs, timeouts).
    res.raw.on("close", () => aborted.abort());
    return createContextInner(deps, { requestId: req.id, signal: aborted.signal });
  };
}
