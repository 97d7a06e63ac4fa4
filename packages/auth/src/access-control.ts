import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements, memberAc, ownerAc } from "better-auth/plugins/organization/access";
import type { Role } from "./roles";

/**
 * better-auth's organization permissions for our four roles. They govern its own `/organization/*`
 * endpoints (invite, update-member-role, remove-member, accept-invitation…); our tRPC procedures check
 * `Scope`s instead. Viewer has exactly member's (empty) organization permissions: the difference between
 * them lives in our scopes as features arrive.
 */
export const accessControl = createAccessControl(defaultStatements);

/** better-auth role objects keyed by our role names. */
export const organizationRoles = {
  owner: accessControl.newRole(ownerAc.statements),
  admin: accessControl.newRole(adminAc.statements),
  member: accessControl.newRole(memberAc.statements),
  viewer: accessControl.newRole(memberAc.statements),
} satisfies Record<Role, unknown>;
