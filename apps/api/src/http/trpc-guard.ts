import type { FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "./errors";

/** Methods tRPC answers: queries and subscriptions as GET (and HEAD), mutations as POST. */
const trpcMethods = new Set(["GET", "HEAD", "POST"]);

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Whether a browser sent this request from a page that may act with the user's cookie. A cookie rides
 * along with cross-site top-level navigations (SameSite=Lax) and with same-site subresource requests,
 * so a foreign page could otherwise open `chat.stream` as the user. `Sec-Fetch-Site` is set by the
 * browser and cannot be forged by page script: `same-origin` and `none` (typed in the address bar) are
 * the user's own; `same-site` and `cross-site` pass only from a trusted `Origin`. Browsers without
 * `Sec-Fetch-*` are judged by `Origin` alone; a request with neither is not a browser's (no ambient
 * cookie to abuse) and passes.
 */
export function isTrustedBrowserRequest(
  request: FastifyRequest,
  trustedOrigins: ReadonlySet<string>,
): boolean {
  const origin = header(request, "origin");
  const site = header(request, "sec-fetch-site");
  if (site === "same-origin" || site === "none") return true;
  if (site !== undefined) return origin !== undefined && trustedOrigins.has(origin);
  return origin === undefined || trustedOrigins.has(origin);
}

/**
 * `onRequest` hook for `/trpc`: refuses methods tRPC does not speak (TRACE crashed its request
 * conversion) with 405, and cookie-authenticated calls from foreign pages with 403. Calls that carry
 * `Authorization` are not cookie-authenticated (the API key is used and the cookie ignored), and a page
 * cannot attach that header cross-origin without passing CORS, so they are unaffected.
 */
export function createTrpcGuard(options: { trustedOrigins: readonly string[] }) {
  const trusted = new Set(options.trustedOrigins);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!trpcMethods.has(request.method)) {
      reply.header("allow", "GET, HEAD, POST");
      return sendError(reply, "METHOD_NOT_SUPPORTED");
    }
    const cookieAuthenticated =
      request.headers.cookie !== undefined && request.headers.authorization === undefined;
    if (cookieAuthenticated && !isTrustedBrowserRequest(request, trusted)) {
      request.log.info(
        { origin: header(request, "origin"), site: header(request, "sec-fetch-site") },
        "cross-site call refused",
      );
      return sendError(reply, "FORBIDDEN", "Requests from other sites cannot use your session.");
    }
  };
}
