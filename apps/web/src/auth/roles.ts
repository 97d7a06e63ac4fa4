/**
 * Workspace roles and API-key scopes come from `@vitae/contracts`, the same lists the server enforces.
 * The server is the authority on every check; in the UI they only decide what is offered, so a stale
 * role can at worst show a button whose request the server then refuses with FORBIDDEN.
 */
export {
  isRole,
  isRoleAtLeast as hasRoleAtLeast,
  isScope,
  type Role,
  roleLabels,
  roles,
  type Scope,
  scopeDescriptions,
  scopes,
} from "@vitae/contracts";
