import { type WorkspaceRole, workspaceRoles } from "@vitae/db";

/** Workspace roles, highest first (the same closed list the database enforces). */
export const roles = workspaceRoles;

/** One workspace role. */
export type Role = WorkspaceRole;

/** Higher is more privileged: owner 4, admin 3, member 2, viewer 1. */
export const roleRank: Readonly<Record<Role, number>> = { owner: 4, admin: 3, member: 2, viewer: 1 };

/** True when `role` is `min` or above (e.g. `isRoleAtLeast("owner", "admin")`). */
export function isRoleAtLeast(role: Role, min: Role): boolean {
  return roleRank[role] >= roleRank[min];
}

/** True for one of {@link roles}; for narrowing values read from better-auth or requests. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/**
 * Every permission a caller can hold (closed list; later features append theirs). Sessions carry all
 * scopes of their role; API keys carry the subset they were created with.
 */
export const scopes = [
  "workspace:read",
  "workspace:write",
  "members:read",
  "members:write",
  "api-keys:read",
  "api-keys:write",
  "audit:read",
  "usage:read",
  "documents:read",
  "documents:write",
  "chat:ask",
  "share-links:write",
] as const;

/** One of {@link scopes}. */
export type Scope = (typeof scopes)[number];

/** True for one of {@link scopes}. */
export function isScope(value: unknown): value is Scope {
  return typeof value === "string" && (scopes as readonly string[]).includes(value);
}

const readerScopes = new Set<Scope>([
  "workspace:read",
  "members:read",
  "usage:read",
  "documents:read",
  "chat:ask",
]);
// Members also work with documents and share them; viewers only read and ask.
const memberScopes = new Set<Scope>([...readerScopes, "documents:write", "share-links:write"]);

const scopesByRole: Readonly<Record<Role, readonly Scope[]>> = {
  owner: scopes,
  admin: scopes,
  member: scopes.filter((scope) => memberScopes.has(scope)),
  viewer: scopes.filter((scope) => readerScopes.has(scope)),
};

/** The scopes a role grants, in {@link scopes} order. A new array each call (callers may keep it). */
export function scopesForRole(role: Role): Scope[] {
  return [...scopesByRole[role]];
}
