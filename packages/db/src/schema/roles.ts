/**
 * Workspace roles, highest first. The database enforces this list with a check constraint on
 * `workspace_members.role` and `workspace_invitations.role`; `@vitae/auth` builds rank and scopes on it.
 */
export const workspaceRoles = ["owner", "admin", "member", "viewer"] as const;

/** One of {@link workspaceRoles}. */
export type WorkspaceRole = (typeof workspaceRoles)[number];

/** Workspace plans; quotas and rate limits are configured per plan. */
export const workspacePlans = ["free", "pro"] as const;

/** One of {@link workspacePlans}. */
export type WorkspacePlan = (typeof workspacePlans)[number];

/** `<column> in ('a', 'b', …)` for a check constraint over a closed list of literals. */
export function sqlInList(values: readonly string[]): string {
  return values.map((value) => `'${value.replaceAll("'", "''")}'`).join(", ");
}
