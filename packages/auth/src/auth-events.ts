import type { BetterAuthOptions, GenericEndpointContext, Session } from "better-auth";
import { createAuthMiddleware, getIP, isAPIError } from "better-auth/api";

/** Where a request came from, as far as the auth handler can tell. */
interface RequestOrigin {
  /** Client IP from the configured IP headers; `null` when unknown. */
  ip: string | null;
  userAgent: string | null;
}

/**
 * Security events for the audit log, emitted by {@link createAuth}'s `onEvent`. Never carry a password,
 * token or cookie. `sign-in.failed.email` is the attempted email trimmed and lower-cased.
 */
export type AuthEvent =
  | ({ type: "sign-in.succeeded"; userId: string; sessionId: string } & RequestOrigin)
  | ({ type: "sign-in.failed"; email: string; reason: string } & RequestOrigin)
  | ({ type: "sign-up"; userId: string; email: string } & RequestOrigin)
  | ({ type: "sign-out"; userId: string; sessionId: string } & RequestOrigin)
  | ({ type: "email.verified"; userId: string; email: string } & RequestOrigin)
  | ({
      type: "invitation.accepted";
      /** The user who joined. */
      userId: string;
      workspaceId: string;
      invitationId: string;
      role: string;
    } & RequestOrigin)
  | ({
      type: "session.revoked";
      /** Owner of the revoked session. */
      userId: string;
      sessionId: string;
      /** The signed-in user who revoked it, when known. */
      revokedBy: string | null;
    } & RequestOrigin);

/** Receives {@link AuthEvent}s; failures are logged, never turned into auth failures. */
export type AuthEventHandler = (event: AuthEvent) => void | Promise<void>;

/** Where event-handler failures are reported. */
export type ReportError = (message: string, error: unknown) => void;

type HookContext = Pick<GenericEndpointContext, "request" | "headers"> & {
  context: { options: BetterAuthOptions };
};

function originOf(ctx: HookContext): RequestOrigin {
  const source = ctx.request ?? ctx.headers;
  return {
    ip: source === undefined ? null : getIP(source, ctx.context.options),
    userAgent: ctx.headers?.get("user-agent") ?? ctx.request?.headers.get("user-agent") ?? null,
  };
}

function normaliseEmail(value: unknown): string {
  return typeof value === "string" ? value.trim().toLowerCase().slice(0, 320) : "";
}

async function emit(onEvent: AuthEventHandler, reportError: ReportError, event: AuthEvent): Promise<void> {
  try {
    await onEvent(event);
  } catch (error) {
    reportError(`auth event handler failed for ${event.type}`, error);
  }
}

interface AcceptedInvitation {
  invitation: { id: string; organizationId: string; role: string };
  member: { userId: string };
}

function isAcceptedInvitation(value: unknown): value is AcceptedInvitation {
  const candidate = value as Partial<AcceptedInvitation> | null;
  return typeof candidate?.invitation?.id === "string" && typeof candidate.member?.userId === "string";
}

/**
 * The `hooks.after` middleware emitting sign-in and invitation events. An after hook runs whether the
 * endpoint returned or threw, so failures are seen here too (`context.returned` is the APIError).
 */
export function createAuthEventHook(onEvent: AuthEventHandler, reportError: ReportError) {
  return createAuthMiddleware(async (ctx) => {
    if (ctx.path === "/organization/accept-invitation") {
      const accepted: unknown = ctx.context.returned;
      if (!isAcceptedInvitation(accepted)) return;
      await emit(onEvent, reportError, {
        type: "invitation.accepted",
        userId: accepted.member.userId,
        workspaceId: accepted.invitation.organizationId,
        invitationId: accepted.invitation.id,
        role: accepted.invitation.role,
        ...originOf(ctx),
      });
      return;
    }
    if (ctx.path !== "/sign-in/email" && ctx.path !== "/sign-up/email") return;
    const origin = originOf(ctx);
    const returned: unknown = ctx.context.returned;
    const body = ctx.body as { email?: unknown } | undefined;
    if (isAPIError(returned)) {
      if (ctx.path === "/sign-in/email") {
        const reason = typeof returned.body?.code === "string" ? returned.body.code : String(returned.status);
        await emit(onEvent, reportError, {
          type: "sign-in.failed",
          email: normaliseEmail(body?.email),
          reason,
          ...origin,
        });
      }
      return;
    }
    // Sign-ups are reported by the user-created database hook: sign-up never opens a session here.
    const created = ctx.context.newSession;
    if (ctx.path !== "/sign-in/email" || created === null || created === undefined) return;
    await emit(onEvent, reportError, {
      type: "sign-in.succeeded",
      userId: created.user.id,
      sessionId: created.session.id,
      ...origin,
    });
  });
}

/**
 * The `databaseHooks.user.create.after` hook emitting `sign-up`. It fires only when an account is really
 * created — a sign-up for an existing email gets the same generic answer but creates nothing, so the
 * audit log (not the response) is where that difference is visible, to the operators only.
 */
export function createUserCreatedHook(onEvent: AuthEventHandler, reportError: ReportError) {
  return async (user: { id: string; email: string }, ctx: GenericEndpointContext | null): Promise<void> => {
    const origin = ctx === null ? { ip: null, userAgent: null } : originOf(ctx);
    await emit(onEvent, reportError, { type: "sign-up", userId: user.id, email: user.email, ...origin });
  };
}

/**
 * The `databaseHooks.session.delete.after` hook emitting `sign-out` and `session.revoked`. It runs for
 * every deleted session row, whichever endpoint deleted it; expired sessions being cleaned up are not
 * revocations and are skipped.
 */
export function createSessionDeletedHook(onEvent: AuthEventHandler, reportError: ReportError) {
  return async (session: Session, ctx: GenericEndpointContext | null): Promise<void> => {
    if (new Date(session.expiresAt).getTime() <= Date.now()) return;
    const origin = ctx === null ? { ip: null, userAgent: null } : originOf(ctx);
    if (ctx?.path === "/sign-out") {
      await emit(onEvent, reportError, {
        type: "sign-out",
        userId: session.userId,
        sessionId: session.id,
        ...origin,
      });
      return;
    }
    // Any other deletion of a live session (revoke endpoints, password change, user deletion) ends it early.
    await emit(onEvent, reportError, {
      type: "session.revoked",
      userId: session.userId,
      sessionId: session.id,
      revokedBy: ctx?.context.session?.user.id ?? null,
      ...origin,
    });
  };
}

/** The `emailVerification.afterEmailVerification` callback emitting `email.verified`. */
export function createEmailVerifiedHook(
  onEvent: AuthEventHandler,
  reportError: ReportError,
  options: BetterAuthOptions,
) {
  return async (user: { id: string; email: string }, request: Request | undefined): Promise<void> => {
    const origin = {
      ip: request === undefined ? null : getIP(request, options),
      userAgent: request?.headers.get("user-agent") ?? null,
    };
    await emit(onEvent, reportError, {
      type: "email.verified",
      userId: user.id,
      email: user.email,
      ...origin,
    });
  };
}
