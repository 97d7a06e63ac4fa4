import { existsSync } from "node:fs";
import { join, sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { sendError } from "./errors";

/** Paths that never fall back to the SPA: an unknown API path is a 404, not the app's HTML. */
const apiPrefixes = ["/trpc", "/storage", "/healthz", "/readyz", "/metrics", "/api"];

/**
 * Serves the built web app (`apps/web/dist`) with long-lived caching for hashed assets and an SPA
 * fallback to `index.html` for client-side routes. The build writes brotli and gzip copies beside each
 * text file (`.br`, `.gz`); the one the browser accepts is sent as is, with `Content-Encoding` and
 * `Vary: Accept-Encoding`, so nothing is compressed per request. Without a build, unknown paths are
 * plain 404s.
 */
export async function registerWebApp(app: FastifyInstance, options: { distDir: string }) {
  const hasBuild = existsSync(join(options.distDir, "index.html"));
  const assetsDir = join(options.distDir, "assets") + sep;
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: options.distDir,
      wildcard: false,
      index: false,
      preCompressed: true,
      setHeaders: (res, filePath) => {
        // Vite fingerprints everything under assets/; index.html must always be revalidated.
        res.header(
          "cache-control",
          filePath.startsWith(assetsDir) ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
  } else {
    app.log.warn({ distDir: options.distDir }, "web app build not found; serving the API only");
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?", 1)[0] ?? "/";
    const isApiPath = apiPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
    const wantsPage = (request.method === "GET" || request.method === "HEAD") && !isApiPath;
    if (hasBuild && wantsPage) {
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    return sendError(reply, "NOT_FOUND");
  });
}
