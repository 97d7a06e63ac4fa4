import cors from "@fastify/cors";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import helmet from "helmet";

/** JSON endpoints render nothing, so they may load nothing and be framed by nobody. */
const apiCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The SPA loads only its own bundled assets and talks only to its own origin — plus the object store,
 * when uploads go straight to S3 through presigned URLs.
 */
function appCspFor(extraConnectSources: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...extraConnectSources].join(" "),
    // Spoken answers play from the object store's signed links.
    ["media-src 'self'", ...extraConnectSources].join(" "),
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** Paths that answer with data, never HTML. */
const apiPathPattern = /^\/(trpc|healthz|readyz|metrics|storage)(\/|$|\?)/;

/** Sets every security header of a response; safe to call before routing (framework errors). */
export type SecurityHeaders = (request: FastifyRequest, reply: FastifyReply) => void;

/**
 * The security headers every response carries, whoever answers it — a route, the error handler or
 * Fastify's own router errors (which run no hooks): helmet's defaults (HSTS, nosniff, frame options,
 * `X-XSS-Protection: 0`, …) and a CSP chosen per response kind.
 */
export function createSecurityHeaders(options: { connectSources: readonly string[] }): SecurityHeaders {
  const appCsp = appCspFor(options.connectSources);
  // The CSP is ours (per response kind); helmet's default one would fit neither kind.
  const helmetHeaders = helmet({ contentSecurityPolicy: false });
  return (request, reply) => {
    helmetHeaders(request.raw, reply.raw, () => undefined);
    reply.header("content-security-policy", apiPathPattern.test(request.url) ? apiCsp : appCsp);
  };
}

/** Security headers on every routed response, and CORS restricted to the allow-list (same-origin when empty). */
export async function registerSecurity(
  app: FastifyInstance,
  options: { corsOrigins: readonly string[]; securityHeaders: SecurityHeaders },
) {
  app.addHook("onRequest", async (request, reply) => {
    options.securityHeaders(request, reply);
  });
  const allowed = new Set(options.corsOrigins);
  await app.register(cors, {
    // A function so unknown origins get no CORS headers at all rather than an error response.
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ["GET", "POST", "PUT", "OPTIONS"],
    allowedHeaders: ["content-type", "x-request-id", "authorization", "trpc-accept"],
    exposedHeaders: ["x-request-id", "retry-after"],
    maxAge: 600,
  });
}
