import { hasRoleAtLeast, type Role, roles } from "./roles";

/** Members, invitations, API keys and the audit log are managed by admins and owners. */
export function canManageMembers(role: Role | null): boolean {
  return hasRoleAtLeast(role, "admin");
}

export function canManageApiKeys(role: Role | null): boolean {
  return hasRoleAtLeast(role, "admin");
}

/**
 * The roles a viewer may hand out (invite with, or change someone to). Only owners grant `owner`; an
 * admin may grant up to admin. Everyone else grants nothing.
 */
export function assignableRoles(viewerRole: Role | null): Role[] {
  if (viewerRole === "owner") return [...roles];
  if (viewerRole === "admin") return roles.filter((role) => role !== "owner");
  return [];
}

export interface MemberRowActions {
  canChangeRole: boolean;
  /** Roles offered in the row's role picker, the member's current one included. */
  roleChoices: Role[];
  canRemove: boolean;
}

const noActions: MemberRowActions = { canChangeRole: false, roleChoices: [], canRemove: false };

/**
 * What the viewer may do to one member row. Mirrors the server's rules: admins and owners manage
 * members, only owners touch owners, and the last owner can be neither demoted nor removed.
 */
export function memberRowActions(opts: {
  viewerRole: Role | null;
  targetRole: Role;
  ownerCount: number;
}): MemberRowActions {
  const { viewerRole, targetRole, ownerCount } = opts;
  if (!canManageMembers(viewerRole)) return noActions;
  if (targetRole === "owner" && viewerRole !== "owner") return noActions;
  if (targetRole === "owner" && ownerCount <= 1) return noActions;
  const roleChoices = assignableRoles(viewerRole);
  return { canChangeRole: roleChoices.length > 1, roleChoices, canRemove: true };
}
