/**
 * Workspace roles (highest first) and plans are contracts (`@vitae/contracts`); the database enforces
 * them with check constraints on `workspace_members.role`, `workspace_invitations.role` and
 * `workspaces.plan`.
 */
export {
  type Plan as WorkspacePlan,
  plans as workspacePlans,
  type Role as WorkspaceRole,
  roles as workspaceRoles,
} from "@vitae/contracts";

/** `<column> in ('a', 'b', …)` for a check constraint over a closed list of literals. */
export function sqlInList(values: readonly string[]): string {
  return values.map((value) => `'${value.replaceAll("'", "''")}'`).join(", ");
}
