import { type Database, getMembership } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { verifyApiKey } from "./api-keys";
import { isRole, type Role, type Scope } from "./roles";

/** Who is calling: a signed-in user (session cookie) or an API key acting for its creator. */
export type Principal =
  | {
      kind: "user";
      userId: string;
      sessionId: string;
      /** The session's active workspace, only while the user is still a member of it. */
      workspaceId: string | null;
      /** The user's current role there; `null` exactly when `workspaceId` is. */
      role: Role | null;
    }
  | {
      kind: "apiKey";
      apiKeyId: string;
      /** The key's creator. */
      userId: string;
      /** Fixed at creation. */
      workspaceId: string;
      scopes: Scope[];
    };

/** The slice of the better-auth instance `resolvePrincipal` uses (a `VitaeAuth` fits). */
export interface SessionReader {
  api: {
    getSession(context: { headers: Headers }): Promise<{
      session: { id: string; userId: string; activeOrganizationId?: string | null | undefined };
    } | null>;
  };
}

/**
 * Resolves the caller of one request. An `Authorization` header means API-key authentication and
 * nothing else: a valid `Bearer vk_…` key gives an `apiKey` principal, anything else (another scheme,
 * a malformed, unknown, revoked or expired key, a key whose creator left the workspace) throws
 * `AppError("UNAUTHENTICATED")` — it never falls back to the cookie, so a broken key cannot silently act
 * as whoever's browser sent it. Without the header, the session cookie is read through better-auth;
 * the role comes from `workspace_members` on every call, so a removed member loses the workspace at
 * once (`workspaceId: null`). Returns `null` when there is no valid session; throws
 * `AppError("SERVICE_UNAVAILABLE")` when the session stores cannot be read.
 */
export async function resolvePrincipal(context: {
  auth: SessionReader;
  db: Database;
  headers: Headers;
}): Promise<Principal | null> {
  const authorization = context.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
    const key = match?.[1];
    if (key === undefined || !key.startsWith("vk_")) {
      throw new AppError("UNAUTHENTICATED", { message: "Use an API key as Authorization: Bearer vk_…" });
    }
    const verified = await verifyApiKey(context.db, key);
    return { kind: "apiKey", ...verified };
  }
  let found: Awaited<ReturnType<SessionReader["api"]["getSession"]>>;
  try {
    found = await context.auth.api.getSession({ headers: context.headers });
  } catch (error) {
    // Reading a session fails only when its stores (Redis, PostgreSQL) do: a dependency outage, not a bad caller.
    throw new AppError("SERVICE_UNAVAILABLE", { cause: error });
  }
  if (found === null) return null;
  const { session } = found;
  const activeWorkspaceId = session.activeOrganizationId ?? null;
  const membership =
    activeWorkspaceId === null
      ? undefined
      : await getMembership(context.db, { workspaceId: activeWorkspaceId, userId: session.userId });
  const role = membership !== undefined && isRole(membership.role) ? membership.role : null;
  return {
    kind: "user",
    userId: session.userId,
    sessionId: session.id,
    workspaceId: role === null ? null : activeWorkspaceId,
    role,
  };
}
