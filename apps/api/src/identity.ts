import { type AuthEvent, createAuth, type Principal, resolvePrincipal, type VitaeAuth } from "@vitae/auth";
import { resolveAuthSecret } from "@vitae/config";
import {
  type Database,
  getMembership,
  getWorkspaceUsage,
  type InsertAuditEventParams,
  incrementWorkspaceUsage,
  insertAuditEvent,
} from "@vitae/db";
import { getLogContext, type Logger } from "@vitae/logger";
import { createQuotaGuard, createRateLimiter, type QuotaGuard, type RateLimiter } from "@vitae/ratelimit";
import type { Metrics } from "@vitae/telemetry";
import type { Redis } from "ioredis";
import type { ApiConfig } from "./config";
import type { ApiDependencies } from "./dependencies";
import type { WorkspaceAccess } from "./trpc/procedures";

/** The one header better-auth reads the client IP from; the auth route sets it from Fastify's `req.ip`. */
export const clientIpHeader = "x-vitae-client-ip";

/** An auth event as an audit row: account-level (no workspace), attributed to the user involved. */
function auditEventFor(event: AuthEvent): InsertAuditEventParams {
  const common = {
    workspaceId: null,
    actorType: "user" as const,
    action: `auth.${event.type}`,
    ip: event.ip,
    // The auth route runs inside the request's log context, which carries its id.
    requestId: getLogContext()?.requestId ?? null,
  };
  const agent = event.userAgent ? { userAgent: event.userAgent.slice(0, 200) } : {};
  switch (event.type) {
    case "sign-in.failed":
      return { ...common, actorId: null, metadata: { email: event.email, reason: event.reason, ...agent } };
    case "sign-up":
      return { ...common, actorId: event.userId, metadata: { email: event.email, ...agent } };
    case "session.revoked":
      return {
        ...common,
        actorId: event.revokedBy ?? event.userId,
        targetType: "user",
        targetId: event.userId,
        metadata: agent,
      };
    default:
      return { ...common, actorId: event.userId, metadata: agent };
  }
}

type IdentityDependencies = Pick<
  ApiDependencies,
  "auth" | "rateLimiter" | "quota" | "resolvePrincipal" | "getWorkspaceAccess" | "setActiveWorkspace"
>;

/**
 * Builds authentication (better-auth over our tables, sessions cached in Redis), principal
 * resolution, per-tier rate limiting and monthly quotas. Auth events become audit rows.
 */
export async function createIdentity(options: {
  config: ApiConfig;
  db: Database;
  redis: Redis;
  logger: Logger;
  metrics: Metrics;
}): Promise<IdentityDependencies> {
  const { config, db, redis, logger } = options;
  const auth: VitaeAuth = createAuth({
    db,
    redis,
    redisPrefix: config.redisKeyPrefix,
    secret: await resolveAuthSecret(config),
    baseUrl: config.publicUrl,
    trustedOrigins: config.corsOrigins,
    ipAddressHeaders: [clientIpHeader],
    logger,
    onEvent: async (event) => {
      try {
        await insertAuditEvent(db, auditEventFor(event));
      } catch (error) {
        // An audit write must not turn a successful sign-in into an error; it is logged loudly instead.
        logger.error({ err: error, action: event.type }, "audit write failed");
      }
    },
  });
  const rateLimiter: RateLimiter = createRateLimiter({
    redis,
    prefix: config.redisKeyPrefix,
    limits: config.rateLimits,
    timeoutMs: config.rateLimitTimeoutMs,
    logger,
    metrics: { registry: options.metrics.registry },
  });
  const quota: QuotaGuard = createQuotaGuard({
    limits: config.quotas,
    store: {
      increment: (workspaceId, period, delta) =>
        incrementWorkspaceUsage(db, { workspaceId, period, ...delta }),
      get: (workspaceId, period) => getWorkspaceUsage(db, { workspaceId, period }),
    },
  });
  return {
    auth,
    rateLimiter,
    quota,
    resolvePrincipal: (headers) => resolvePrincipal({ auth, db, headers }),
    getWorkspaceAccess: async (principal: Principal): Promise<WorkspaceAccess | null> => {
      if (principal.workspaceId === null) return null;
      const membership = await getMembership(db, {
        workspaceId: principal.workspaceId,
        userId: principal.userId,
      });
      if (!membership) return null;
      return {
        id: membership.workspaceId,
        plan: membership.plan,
        role: principal.kind === "user" ? membership.role : null,
      };
    },
    setActiveWorkspace: async (headers, workspaceId) => {
      await auth.api.setActiveOrganization({ headers, body: { organizationId: workspaceId } });
    },
  };
}
