import { createHash } from "node:crypto";
import type { Principal } from "@vitae/auth";
import type { Logger } from "@vitae/logger";
import { createInvalidatedCache } from "@vitae/redis";
import type { Redis } from "ioredis";
import type { WorkspaceAccess } from "./trpc/procedures";

/** What changed, for {@link AccessCache.invalidate}: every cached answer depending on it is dropped. */
export interface AccessChange {
  /** A user's memberships, roles, sessions or keys (role change, removal, sign-out, joining). */
  userId?: string;
  /** One session (revoked, or its active workspace switched). */
  sessionId?: string;
  apiKeyId?: string;
  /** A workspace's plan or existence. */
  workspaceId?: string;
}

/**
 * Resolved principals and workspace access, cached per process for `ttlMs` (ACCESS_CACHE_TTL_MS) and dropped
 * in every API process (Redis pub/sub) when access changes — so the hot path reads neither better-auth's
 * session nor the key table nor the membership on most calls, and a removed member or revoked key loses
 * access on every instance within a pub/sub round trip.
 */
export interface AccessCache {
  /** The principal of these headers: cached per credential (the hash of the `Authorization` or cookie header). */
  principal(headers: Headers, resolve: () => Promise<Principal | null>): Promise<Principal | null>;
  workspaceAccess(
    principal: Principal,
    load: () => Promise<WorkspaceAccess | null>,
  ): Promise<WorkspaceAccess | null>;
  /** Call after the change is committed; resolves once every process has been told. */
  invalidate(change: AccessChange): Promise<void>;
  close(): Promise<void>;
}

const maxEntries = 20_000;

const digest = (text: string) => createHash("sha256").update(text).digest("base64url");

/** The credential a request presents, as a cache key; null when it presents none. */
function credentialKey(headers: Headers): string | null {
  const authorization = headers.get("authorization");
  if (authorization !== null) return `a:${digest(authorization)}`;
  const cookie = headers.get("cookie");
  return cookie === null ? null : `c:${digest(cookie)}`;
}

function principalTags(principal: Principal): string[] {
  const tags = [`user:${principal.userId}`];
  if (principal.workspaceId !== null) tags.push(`workspace:${principal.workspaceId}`);
  tags.push(principal.kind === "user" ? `session:${principal.sessionId}` : `apiKey:${principal.apiKeyId}`);
  return tags;
}

export async function createAccessCache(options: {
  subscriber: Redis;
  publisher: Redis;
  prefix: string;
  /** How long an answer may be served without a re-read: the bound on staleness if a message were lost. */
  ttlMs: number;
  logger: Logger;
}): Promise<AccessCache> {
  const cache = await createInvalidatedCache<Principal | WorkspaceAccess>({
    subscriber: options.subscriber,
    publisher: options.publisher,
    channel: `${options.prefix}:invalidate:access`,
    ttlMs: options.ttlMs,
    maxEntries,
    onError: (error) => options.logger.warn({ err: error }, "access cache invalidation failed"),
  });
  return {
    async principal(headers, resolve) {
      const key = credentialKey(headers);
      if (key === null) return resolve();
      const value = await cache.get(key, async () => {
        const principal = await resolve();
        return principal === null ? null : { value: principal, tags: principalTags(principal) };
      });
      return value as Principal | null;
    },

    async workspaceAccess(principal, load) {
      if (principal.workspaceId === null) return null;
      const id = principal.kind === "user" ? principal.userId : `key:${principal.apiKeyId}`;
      const value = await cache.get(`w:${principal.workspaceId}:${id}`, async () => {
        const access = await load();
        return access === null ? null : { value: access, tags: principalTags(principal) };
      });
      return value as WorkspaceAccess | null;
    },

    invalidate(change) {
      const tags: string[] = [];
      if (change.userId) tags.push(`user:${change.userId}`);
      if (change.sessionId) tags.push(`session:${change.sessionId}`);
      if (change.apiKeyId) tags.push(`apiKey:${change.apiKeyId}`);
      if (change.workspaceId) tags.push(`workspace:${change.workspaceId}`);
      return cache.invalidate(tags);
    },

    close: () => cache.close(),
  };
}
