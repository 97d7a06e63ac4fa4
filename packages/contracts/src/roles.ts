import { z } from "zod";

/** Workspace roles, highest first. The database enforces this list with a check constraint. */
export const roles = ["owner", "admin", "member", "viewer"] as const;

/** One workspace role. */
export type Role = (typeof roles)[number];

/**
 * Input schema for a role. Marked pure so a bundle that uses only the role list (the web app's first
 * load) can leave zod out.
 */
export const roleSchema = /* @__PURE__ */ z.enum(roles);

/** Higher is more privileged: owner 4, admin 3, member 2, viewer 1. */
export const roleRank: Readonly<Record<Role, number>> = { owner: 4, admin: 3, member: 2, viewer: 1 };

/** A role as people read it. */
export const roleLabels: Readonly<Record<Role, string>> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
  viewer: "Viewer",
};

/** True for one of {@link roles}; for narrowing values read from better-auth, requests or storage. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/** True when `role` is `min` or above; no role (no active workspace) never qualifies. */
export function isRoleAtLeast(role: Role | null | undefined, min: Role): boolean {
  return role !== null && role !== undefined && roleRank[role] >= roleRank[min];
}
