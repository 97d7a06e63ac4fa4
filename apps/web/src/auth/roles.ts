/**
 * Workspace roles and API-key scopes as agreed in docs/identity-contracts.md. The server is the authority
 * on every check; these lists only decide what the UI offers, so a stale role can at worst show a button
 * whose request the server then refuses with FORBIDDEN.
 */
export const roles = ["owner", "admin", "member", "viewer"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
  viewer: "Viewer",
};

// Higher is more powerful; the order of `roles` is the contract's "highest first".
const roleRank: Record<Role, number> = { owner: 3, admin: 2, member: 1, viewer: 0 };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/** Whether `role` is `minimum` or higher; no role (no active workspace) never qualifies. */
export function hasRoleAtLeast(role: Role | null | undefined, minimum: Role): boolean {
  return role !== null && role !== undefined && roleRank[role] >= roleRank[minimum];
}

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
export type Scope = (typeof scopes)[number];

export const scopeDescriptions: Record<Scope, string> = {
  "workspace:read": "Read workspace details",
  "workspace:write": "Rename the workspace",
  "members:read": "List members and invitations",
  "members:write": "Invite, change roles and remove members",
  "api-keys:read": "List API keys",
  "api-keys:write": "Revoke API keys",
  "audit:read": "Read the audit log",
  "usage:read": "Read usage and limits",
  "documents:read": "List and download documents, read profiles",
  "documents:write": "Upload and delete documents, correct profiles",
  "chat:ask": "Ask profiles questions, by text or voice",
  "share-links:write": "Create, list and revoke public share links",
};
