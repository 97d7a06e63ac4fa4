import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

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

/**
 * Security headers (helmet defaults: HSTS, nosniff, frame options, `X-XSS-Protection: 0`, …), a CSP
 * chosen per response kind, and CORS restricted to the configured allow-list (same-origin when empty).
 */
export async function registerSecurity(
  app: FastifyInstance,
  options: { corsOrigins: string[]; connectSources: readonly string[] },
) {
  const appCsp = appCspFor(options.connectSources);
  await app.register(helmet, { contentSecurityPolicy: false, global: true });
  app.addHook("onRequest", async (request, reply) => {
    reply.header("content-security-policy", apiPathPattern.test(request.url) ? apiCsp : appCsp);
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
