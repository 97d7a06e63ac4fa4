import {
  type AuthEvent,
  createAuth,
  createOutboxMailer,
  createSmtpMailer,
  type Mailer,
  type Principal,
  resolvePrincipal,
  type VitaeAuth,
} from "@vitae/auth";
import { resolveAuthSecret } from "@vitae/config";
import {
  type Database,
  getMembership,
  getWorkspaceUsage,
  type InsertAccountAuditEventParams,
  type InsertAuditEventParams,
  incrementWorkspaceUsage,
  insertAccountAuditEvent,
  insertAuditEvent,
  insertOutboxMessage,
  isInstanceOperator,
} from "@vitae/db";
import { getLogContext, type Logger } from "@vitae/logger";
import {
  createQuotaGuard,
  createRateLimiter,
  createUsageCounter,
  type QuotaGuard,
  type RateLimiter,
  type UsageCounter,
  type UsageStore,
} from "@vitae/ratelimit";
import type { Metrics } from "@vitae/telemetry";
import type { Redis } from "ioredis";
import type { AccessCache } from "./access-cache";
import type { ApiConfig } from "./config";
import type { ApiDependencies } from "./dependencies";
import type { WorkspaceAccess } from "./trpc/procedures";

/** The one header better-auth reads the client IP from; the auth route sets it from Fastify's `req.ip`. */
export const clientIpHeader = "x-vitae-client-ip";

/**
 * An auth event as audit rows. Account events (sign-in, sign-out, failed sign-in, revocation) go to every
 * workspace the account belongs to, where its admins read them; a failed sign-in is matched by the typed
 * email, so attempts on unknown addresses stay out of every workspace (the response is the same either
 * way). An accepted invitation belongs to the workspace joined.
 */
async function recordAuthEvent(db: Database, event: AuthEvent): Promise<void> {
  const common = {
    actorType: "user" as const,
    action: `auth.${event.type}`,
    ip: event.ip,
    // The auth route runs inside the request's log context, which carries its id.
    requestId: getLogContext()?.requestId ?? null,
  };
  const agent = event.userAgent ? { userAgent: event.userAgent.slice(0, 200) } : {};
  if (event.type === "invitation.accepted") {
    const row: InsertAuditEventParams = {
      ...common,
      workspaceId: event.workspaceId,
      actorId: event.userId,
      action: "members.join",
      targetType: "invitation",
      targetId: event.invitationId,
      metadata: { role: event.role, ...agent },
    };
    await insertAuditEvent(db, row);
    return;
  }
  let row: InsertAccountAuditEventParams;
  switch (event.type) {
    case "sign-in.failed":
      row = {
        ...common,
        account: { email: event.email },
        actorId: null,
        metadata: { email: event.email, reason: event.reason, ...agent },
      };
      break;
    case "sign-up":
    case "email.verified":
      row = {
        ...common,
        account: { userId: event.userId },
        actorId: event.userId,
        metadata: { email: event.email, ...agent },
      };
      break;
    case "session.revoked":
      row = {
        ...common,
        account: { userId: event.userId },
        actorId: event.revokedBy ?? event.userId,
        targetType: "user",
        targetId: event.userId,
        metadata: agent,
      };
      break;
    default:
      row = { ...common, account: { userId: event.userId }, actorId: event.userId, metadata: agent };
  }
  await insertAccountAuditEvent(db, row);
}

/** SMTP when configured; otherwise the outbox that instance operators read (embedded, single machine). */
function createMailer(config: ApiConfig, db: Database): Mailer {
  if (config.smtp === undefined) {
    return createOutboxMailer((message) =>
      insertOutboxMessage(db, {
        toEmail: message.to,
        subject: message.subject,
        body: message.text,
        link: message.link,
        expiresAt: message.expiresAt,
      }),
    );
  }
  return createSmtpMailer({ ...config.smtp, from: config.mailFrom });
}

type IdentityDependencies = Pick<
  ApiDependencies,
  | "auth"
  | "rateLimiter"
  | "quota"
  | "resolvePrincipal"
  | "getWorkspaceAccess"
  | "setActiveWorkspace"
  | "isOperator"
  | "usageCounter"
  | "invalidateAccess"
>;

/** Auth events after which a user's cached principals and access must be read again. */
function changedUserOf(event: AuthEvent): string | null {
  switch (event.type) {
    case "sign-out":
    case "session.revoked":
    case "invitation.accepted":
      return event.userId;
    default:
      return null;
  }
}

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
  /** Principals and workspace access cached per process, invalidated across processes. */
  accessCache: AccessCache;
}): Promise<IdentityDependencies> {
  const { config, db, redis, logger, accessCache } = options;
  const auth: VitaeAuth = createAuth({
    db,
    redis,
    redisPrefix: config.redisKeyPrefix,
    secret: await resolveAuthSecret(config),
    baseUrl: config.publicUrl,
    // Without PUBLIC_URL the browser may be on any loopback spelling of the port (localhost, 127.0.0.1,
    // [::1]); each is its own origin, and all reach this one server.
    trustedOrigins: [...new Set([...config.corsOrigins, ...config.loopbackOrigins])],
    ipAddressHeaders: [clientIpHeader],
    mailer: createMailer(config, db),
    logger,
    onEvent: async (event) => {
      const changedUser = changedUserOf(event);
      if (changedUser !== null) await accessCache.invalidate({ userId: changedUser });
      try {
        await recordAuthEvent(db, event);
      } catch (error) {
        // An audit write must not turn a successful sign-in into an error; it is logged loudly instead.
        logger.error({ err: error, action: event.type }, "audit write failed");
      }
    },
  });
  const usageStore: UsageStore = {
    increment: (workspaceId, period, delta) => incrementWorkspaceUsage(db, { workspaceId, period, ...delta }),
    get: (workspaceId, period) => getWorkspaceUsage(db, { workspaceId, period }),
  };
  const usageCounter: UsageCounter = createUsageCounter({
    redis,
    prefix: config.redisKeyPrefix,
    store: usageStore,
    logger,
  });
  const rateLimiter: RateLimiter = createRateLimiter({
    redis,
    usage: usageCounter,
    prefix: config.redisKeyPrefix,
    limits: config.rateLimits,
    timeoutMs: config.rateLimitTimeoutMs,
    logger,
    metrics: { registry: options.metrics.registry },
  });
  const quota: QuotaGuard = createQuotaGuard({
    limits: config.quotas,
    store: usageStore,
    liveRequests: (workspaceId, period) => usageCounter.live(workspaceId, period),
  });
  return {
    auth,
    rateLimiter,
    quota,
    usageCounter,
    resolvePrincipal: (headers) =>
      accessCache.principal(headers, () => resolvePrincipal({ auth, db, headers })),
    getWorkspaceAccess: (principal: Principal) =>
      accessCache.workspaceAccess(principal, async (): Promise<WorkspaceAccess | null> => {
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
      }),
    setActiveWorkspace: async (headers, sessionId, workspaceId) => {
      await auth.api.setActiveOrganization({ headers, body: { organizationId: workspaceId } });
      await accessCache.invalidate({ sessionId });
    },
    invalidateAccess: (change) => accessCache.invalidate(change),
    isOperator: (userId) => isInstanceOperator(db, { userId, operatorEmails: config.operatorEmails }),
  };
}
