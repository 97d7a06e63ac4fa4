import { drizzleAdapter } from "@better-auth/drizzle-adapter";
import { limits } from "@vitae/contracts";
import {
  accounts,
  type Database,
  getStartWorkspaceId,
  rememberActiveWorkspace,
  sessions,
  users,
  verifications,
  workspaceInvitations,
  workspaceMembers,
  workspaces,
} from "@vitae/db";
import { type BetterAuthOptions, betterAuth } from "better-auth";
import { organization } from "better-auth/plugins/organization";
import type { Redis } from "ioredis";
import { accessControl, organizationRoles } from "./access-control";
import {
  type AuthEventHandler,
  createAuthEventHook,
  createEmailVerifiedHook,
  createSessionDeletedHook,
  createUserCreatedHook,
} from "./auth-events";
import type { Mailer } from "./mailer";
import { createRedisSecondaryStorage } from "./redis-storage";
import { requestGuardHook } from "./request-guard";

/** The pino-compatible subset `createAuth` logs to (better-auth's own messages and hook failures). */
export interface AuthLogger {
  error(object: object, message: string): void;
  warn(object: object, message: string): void;
  info(object: object, message: string): void;
  debug(object: object, message: string): void;
}

/** Options of {@link createAuth}; values come from the app's config and composition root. */
export interface CreateAuthOptions {
  db: Database;
  /** A `client`-role ioredis connection (see `@vitae/redis`); sessions live under `<redisPrefix>:auth:`. */
  redis: Redis;
  redisPrefix: string;
  /** `AUTH_SECRET` or the generated one (`resolveAuthSecret`); at least 32 characters. */
  secret: string;
  /** The public origin the API serves (`PUBLIC_URL`); decides whether cookies are `Secure`. */
  baseUrl: string;
  /** Extra origins allowed to call the auth endpoints (`CORS_ORIGINS`); `baseUrl` is always trusted. */
  trustedOrigins: readonly string[];
  /** Delivers email-verification links (SMTP, or the operators' outbox). */
  mailer: Mailer;
  /** Audit sink for sign-in/up/out, session revocations, verified emails and accepted invitations. */
  onEvent?: AuthEventHandler | undefined;
  logger?: AuthLogger | undefined;
  /**
   * Request headers naming the client IP, first match wins (default `x-forwarded-for`, single value
   * only). List only headers the API sets itself: clients can send any header.
   */
  ipAddressHeaders?: readonly string[] | undefined;
}

/** The password policy (length beats composition rules); the web app mirrors it from the same contract. */
export const passwordPolicy = limits.password;

const sessionLifetimeSeconds = 7 * 24 * 60 * 60;

/** How long an email-verification link works. */
const verificationLinkSeconds = 60 * 60;

/** Tables better-auth reads and writes, keyed by the model names configured below. */
const authSchema = {
  users,
  sessions,
  accounts,
  verifications,
  workspaces,
  workspaceMembers,
  workspaceInvitations,
};

/** The verification message: plain words and the link, nothing that depends on the account's state. */
function verificationMessage(email: string, url: string) {
  return {
    to: email,
    subject: "Confirm your email address for Vitae",
    text: [
      "Someone — hopefully you — created a Vitae account with this email address.",
      "Open this link within an hour to confirm it is yours (needed to join a workspace you were invited to):",
      "",
      url,
      "",
      "If this was not you, ignore this message.",
    ].join("\n"),
    link: url,
    expiresAt: new Date(Date.now() + verificationLinkSeconds * 1000),
  };
}

/** True for `http://localhost…` and `http://127.0.0.1…`, the only origins allowed non-`Secure` cookies. */
export function isLocalHttpUrl(url: string): boolean {
  const parsed = URL.parse(url);
  return (
    parsed !== null &&
    parsed.protocol === "http:" &&
    (parsed.hostname === "localhost" || parsed.hostname === "127.0.0.1")
  );
}

function buildAuth(options: CreateAuthOptions) {
  const logger = options.logger;
  const reportError = (message: string, error: unknown) => logger?.error({ err: error }, message);
  const secure = !isLocalHttpUrl(options.baseUrl);
  const onEvent = options.onEvent;
  const ipAddress = {
    ipAddressHeaders:
      options.ipAddressHeaders === undefined ? ["x-forwarded-for"] : [...options.ipAddressHeaders],
    // Keep whole IPv6 addresses for sessions and audit (better-auth collapses to /64 for rate limits).
    ipv6Subnet: 128 as const,
  };
  const ipOptions: BetterAuthOptions = { advanced: { ipAddress } };
  return betterAuth({
    appName: "Vitae",
    baseURL: options.baseUrl,
    basePath: "/api/auth",
    secret: options.secret,
    trustedOrigins: [...options.trustedOrigins],
    database: drizzleAdapter(options.db, { provider: "pg", schema: authSchema, transaction: true }),
    secondaryStorage: createRedisSecondaryStorage(options.redis, options.redisPrefix),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: passwordPolicy.minLength,
      maxPasswordLength: passwordPolicy.maxLength,
      // Off so that sign-up answers identically for new and existing emails (better-auth then returns a
      // generic response and equalises the password-hash work): no account enumeration through sign-up.
      autoSignIn: false,
    },
    // Verification proves an address is yours; it is what accepting an invitation requires (below), so a
    // member cannot sign up with an invited address and take the invitation over. Signing in does not
    // require it: a single-machine user without mail must still get in (their link is in the outbox).
    emailVerification: {
      sendOnSignUp: true,
      expiresIn: verificationLinkSeconds,
      autoSignInAfterVerification: false,
      sendVerificationEmail: async ({ user, url }) => {
        await options.mailer.send(verificationMessage(user.email, url));
      },
      ...(onEvent === undefined
        ? {}
        : { afterEmailVerification: createEmailVerifiedHook(onEvent, reportError, ipOptions) }),
    },
    user: { modelName: "users" },
    // Redis serves session reads; Postgres keeps the durable copy so a Redis flush signs nobody out.
    session: { modelName: "sessions", storeSessionInDatabase: true, expiresIn: sessionLifetimeSeconds },
    account: { modelName: "accounts" },
    verification: { modelName: "verifications", storeInDatabase: true },
    advanced: {
      database: { generateId: "uuid" },
      // Explicit: better-auth skips its origin check whenever NODE_ENV=test, which would make tests
      // pass that production would fail (and vice versa).
      disableOriginCheck: false,
      disableCSRFCheck: false,
      cookiePrefix: "vitae",
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure },
      ipAddress,
      // Mail is sent after the answer, so sign-up takes as long for a new address (which gets a message)
      // as for a taken one (which does not). Failures are logged by better-auth's logger.
      backgroundTasks: { handler: () => {} },
    },
    telemetry: { enabled: false },
    // Off on purpose: the API's `auth` rate-limit tier (@vitae/ratelimit, Redis, per IP) covers these
    // endpoints, so better-auth's in-memory limiter would only add a second, per-process count.
    rateLimit: { enabled: false },
    logger: {
      level: "warn",
      log: (level, message, ...args) => {
        logger?.[level]({ details: args }, `better-auth: ${message}`);
      },
    },
    hooks: {
      before: requestGuardHook,
      ...(onEvent === undefined ? {} : { after: createAuthEventHook(onEvent, reportError) }),
    },
    // Unexpected (non-APIError) failures reject `handler` instead of being printed with console.error and
    // answered with a bare 500: the API's error handler logs them with the request id.
    onAPIError: { throw: true },
    databaseHooks: {
      session: {
        create: {
          // A new session starts in the workspace the user last worked in (or their only one), so a
          // returning user is not sent to "Create your first workspace" (sign-out deleted the old session).
          before: async (session) => {
            const current = (session as { activeOrganizationId?: string | null }).activeOrganizationId;
            if (current) return;
            const workspaceId = await getStartWorkspaceId(options.db, { userId: session.userId });
            if (workspaceId === null) return;
            return { data: { ...session, activeOrganizationId: workspaceId } };
          },
        },
        update: {
          after: async (session) => {
            const workspaceId = (session as { activeOrganizationId?: string | null }).activeOrganizationId;
            if (workspaceId)
              await rememberActiveWorkspace(options.db, { userId: session.userId, workspaceId });
          },
        },
        ...(onEvent === undefined
          ? {}
          : { delete: { after: createSessionDeletedHook(onEvent, reportError) } }),
      },
      ...(onEvent === undefined
        ? {}
        : { user: { create: { after: createUserCreatedHook(onEvent, reportError) } } }),
    },
    plugins: [
      organization({
        ac: accessControl,
        roles: organizationRoles,
        creatorRole: "owner",
        // Workspaces own documents, keys and audit history; deleting one is not a self-service action.
        disableOrganizationDeletion: true,
        cancelPendingInvitationsOnReInvite: true,
        // Only the owner of a verified address may see, accept or decline an invitation sent to it.
        requireEmailVerificationOnInvitation: true,
        invitationExpiresIn: 7 * 24 * 60 * 60,
        schema: {
          organization: {
            modelName: "workspaces",
            additionalFields: {
              plan: { type: "string", required: false, input: false, defaultValue: "free" },
            },
          },
          member: { modelName: "workspaceMembers", fields: { organizationId: "workspaceId" } },
          invitation: { modelName: "workspaceInvitations", fields: { organizationId: "workspaceId" } },
          session: { fields: { activeOrganizationId: "activeWorkspaceId" } },
        },
      }),
    ],
  });
}

/** The configured better-auth instance: `handler(request)` for `/api/auth/*`, `api.*` for server calls. */
export type VitaeAuth = ReturnType<typeof buildAuth>;

/**
 * Builds the better-auth instance (email + password, Redis-backed sessions, workspaces as
 * organizations with roles owner/admin/member/viewer, uuid ids). Cookies are httpOnly, SameSite=Lax,
 * and Secure unless `baseUrl` is plain-http localhost. Called once by the API's composition root; opens
 * no connection itself. Throws for a secret shorter than 32 characters.
 */
export function createAuth(options: CreateAuthOptions): VitaeAuth {
  if (options.secret.length < 32) throw new Error("createAuth: the secret must be at least 32 characters");
  return buildAuth(options);
}
