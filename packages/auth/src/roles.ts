/** Roles and scopes are browser-safe contracts; auth re-exports them for its own modules and callers. */
export {
  isRole,
  isRoleAtLeast,
  isScope,
  type Role,
  roleRank,
  roles,
  type Scope,
  scopes,
  scopesForRole,
} from "@vitae/contracts";
