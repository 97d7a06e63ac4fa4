import { createHash } from "node:crypto";
import { findAuthRoute } from "@vitae/auth";
import { type AppErrorCode, defaultMessageFor, httpStatusFor } from "@vitae/errors";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ApiDependencies } from "../dependencies";
import { clientIpHeader } from "../identity";
import { toWebHeaders } from "../trpc/context";
import { sendError } from "./errors";

const authPrefix = "/api/auth";

function statusCode(status: number): AppErrorCode {
  if (status === 401) return "UNAUTHENTICATED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 429) return "RATE_LIMITED";
  if (status >= 500) return "INTERNAL";
  return "BAD_REQUEST";
}

const sessionCookiePattern = /(?:^|;\s*)(?:__Secure-)?vitae\.session_token=([^;]+)/;

/**
 * Whose account a credential attempt targets: the email typed (sign-in, sign-up, verification requests)
 * or, for signed-in calls (password change, invitations), the session. Hashed, so the limiter's Redis
 * keys hold neither addresses nor session tokens.
 */
function accountKey(request: FastifyRequest): string | null {
  const email = (request.body as { email?: unknown } | null | undefined)?.email;
  const session = sessionCookiePattern.exec(request.headers.cookie ?? "")?.[1];
  let subject: string | null = null;
  if (typeof email === "string" && email.length > 0 && email.length <= 320) {
    subject = `email:${email.trim().toLowerCase()}`;
  } else if (session !== undefined) {
    subject = `session:${session}`;
  }
  return subject === null ? null : createHash("sha256").update(subject).digest("hex").slice(0, 32);
}

/**
 * Checks the `auth` tier for a credential request — per IP and per account — before better-auth sees
 * it. Returns false after answering 429 (or 503 when the limiter is down: this tier fails closed).
 */
async function admitCredentialAttempt(deps: ApiDependencies, request: FastifyRequest, reply: FastifyReply) {
  const identifiers = [`ip:${request.ip}`];
  const account = accountKey(request);
  if (account) identifiers.push(`acct:${account}`);
  for (const identifier of identifiers) {
    const decision = await deps.rateLimiter.limit({ tier: "auth", plan: "free", identifier });
    if (decision.degraded === "fail-closed") {
      reply.header("retry-after", "5");
      sendError(reply, "SERVICE_UNAVAILABLE");
      return false;
    }
    if (decision.degraded) continue;
    reply.header("x-ratelimit-limit", String(decision.limit));
    reply.header("x-ratelimit-remaining", String(Math.max(0, decision.remaining)));
    reply.header("x-ratelimit-reset", String(Math.ceil(decision.resetAt / 1000)));
    if (!decision.allowed) {
      const retryAfter =
        decision.retryAfterSeconds ?? Math.max(1, Math.ceil((decision.resetAt - Date.now()) / 1000));
      reply.header("retry-after", String(retryAfter));
      sendError(reply, "RATE_LIMITED");
      return false;
    }
  }
  return true;
}

/**
 * Mounts the better-auth endpoints of `authRoutes` (`@vitae/auth`) at `/api/auth/*`; every other path
 * there answers 404 in our error contract, so better-auth's own workspace, member and invitation
 * endpoints cannot bypass the audited tRPC procedures. Credential endpoints pass the `auth` tier first.
 * The request URL is rebuilt on PUBLIC_URL (never the Host header, which a client controls).
 * better-auth's error bodies are re-shaped into our `{ code, message, requestId }` with its own code
 * kept as `reason`, so clients handle one shape.
 */
export function registerAuthRoutes(app: FastifyInstance, deps: ApiDependencies) {
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    handler: async (request, reply) => {
      const path = request.url.split("?", 1)[0] ?? "";
      const route = findAuthRoute(request.method, path.slice(authPrefix.length));
      if (route === undefined) return sendError(reply, "NOT_FOUND");
      if (route.isCredential && !(await admitCredentialAttempt(deps, request, reply))) return reply;
      const headers = toWebHeaders(request.headers);
      headers.set("x-request-id", request.id);
      // better-auth records the IP from this header only; a client-sent copy is replaced.
      headers.set(clientIpHeader, request.ip);
      const hasBody = request.method === "POST" && request.body !== undefined;
      const response = await deps.auth.handler(
        new Request(new URL(request.url, deps.config.publicUrl), {
          method: request.method,
          headers,
          ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
        }),
      );
      const cookies = response.headers.getSetCookie();
      response.headers.forEach((value, name) => {
        if (name !== "set-cookie" && name !== "content-length") reply.header(name, value);
      });
      if (cookies.length > 0) reply.header("set-cookie", cookies);
      if (response.status < 400) {
        return reply.status(response.status).send(response.body ? await response.text() : null);
      }
      const code = statusCode(response.status);
      const upstream = (await response.json().catch(() => null)) as {
        code?: string;
        message?: string;
      } | null;
      if (code === "INTERNAL") request.log.error({ status: response.status, path }, "auth handler failed");
      return reply
        .status(httpStatusFor(code))
        .type("application/json; charset=utf-8")
        .send({
          code,
          message:
            code === "INTERNAL" ? defaultMessageFor(code) : (upstream?.message ?? defaultMessageFor(code)),
          requestId: request.id,
          ...(upstream?.code && code !== "INTERNAL" ? { reason: upstream.code } : {}),
        });
    },
  });
}
