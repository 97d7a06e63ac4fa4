import type { Principal } from "@vitae/auth";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ApiDependencies } from "../dependencies";
import type { WorkspaceAccess } from "./procedures";

/**
 * What every procedure sees. Built by `createContextInner` (tests, `createCaller`) or by the HTTP
 * factory below. One context serves every call of a batched request, so per-request work (resolving
 * the principal) happens once per request, not once per call. Procedures log through `deps.logger`:
 * the request id reaches every line from the log context the HTTP layer opens, so no per-request
 * child logger is built.
 */
export interface Context {
  deps: ApiDependencies;
  requestId: string;
  /**
   * Aborted when the client goes away or the server shuts down; long-running procedures stop on it.
   * Combined on first use (the same signal afterwards): most calls never need it, and a combined signal
   * per request is a cost every request would pay (and a weak reference the shutdown signal keeps).
   */
  getSignal(): AbortSignal;
  /** The caller's address as Fastify determined it (honours TRUST_PROXY); null outside HTTP. */
  ip: string | null;
  /** Request headers; better-auth reads the session cookie from them. */
  headers: Headers;
  /** Who is calling, resolved once per request; null for anonymous callers. */
  getPrincipal(): Promise<Principal | null>;
  /**
   * The principal's active workspace and role, read once per request and shared by every call of a
   * batch (a batch is one snapshot of access; the next request reads membership again). Null without a
   * principal or an active workspace.
   */
  getWorkspaceAccess(): Promise<WorkspaceAccess | null>;
  /** Sets a response header; a no-op outside HTTP. */
  setHeader(name: string, value: string): void;
  /** Rate-limit headers already set on this response (a batch reports its tightest limit). */
  rateLimitHeaders: { remaining: number } | null;
}

export interface InnerContextOptions {
  requestId: string;
  signal?: AbortSignal;
  ip?: string | null;
  headers?: Headers;
  /** A fixed principal (tests); omitted means "resolve from the headers". */
  principal?: Principal | null;
  setHeader?: (name: string, value: string) => void;
}

function memo<T>(compute: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => {
    result ??= compute();
    return result;
  };
}

/** Builds a context without HTTP: used by `createCaller` in tests and by the HTTP context below. */
export function createContextInner(deps: ApiDependencies, options: InnerContextOptions): Context {
  const requestSignal = options.signal;
  let signal: AbortSignal | undefined;
  const headers = options.headers ?? new Headers();
  const fixedPrincipal = options.principal;
  const getPrincipal =
    fixedPrincipal === undefined
      ? memo(() => deps.resolvePrincipal(headers))
      : () => Promise.resolve(fixedPrincipal);
  return {
    deps,
    requestId: options.requestId,
    getSignal: () => {
      signal ??= requestSignal ? AbortSignal.any([requestSignal, deps.shutdownSignal]) : deps.shutdownSignal;
      return signal;
    },
    ip: options.ip ?? null,
    headers,
    getPrincipal,
    getWorkspaceAccess: memo(async () => {
      const principal = await getPrincipal();
      return principal ? deps.getWorkspaceAccess(principal) : null;
    }),
    setHeader: options.setHeader ?? (() => undefined),
    rateLimitHeaders: null,
  };
}

/** Node's header record as a WHATWG `Headers` (repeated headers joined, as fetch does). */
export function toWebHeaders(raw: FastifyRequest["headers"]): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

/** The HTTP context factory for the Fastify adapter; the request id is Fastify's validated `req.id`. */
export function createHttpContextFactory(deps: ApiDependencies) {
  return ({ req, res }: { req: FastifyRequest; res: FastifyReply }): Context => {
    const aborted = new AbortController();
    // The response closing before it finished means the client left (SSE tabs, timeouts). A finished
    // response aborts nothing: an abort builds a DOMException and wakes every dependent signal.
    res.raw.once("close", () => {
      if (!res.raw.writableFinished) aborted.abort();
    });
    return createContextInner(deps, {
      requestId: req.id,
      signal: aborted.signal,
      ip: req.ip,
      headers: toWebHeaders(req.headers),
      setHeader: (name, value) => {
        if (!res.sent) res.header(name, value);
      },
    });
  };
}
