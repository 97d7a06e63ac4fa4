export { accounts } from "./accounts";
export { apiKeys } from "./api-keys";
export { type AuditActorType, auditActorTypes, auditLog } from "./audit-log";
export { type JobRunStatus, jobRunStatus, jobRuns } from "./job-runs";
export {
  type WorkspacePlan,
  type WorkspaceRole,
  workspacePlans,
  workspaceRoles,
} from "./roles";
export { sessions } from "./sessions";
export { users } from "./users";
export { verifications } from "./verifications";
export {
  type InvitationStatus,
  invitationStatuses,
  workspaceInvitations,
} from "./workspace-invitations";
export { workspaceMembers } from "./workspace-members";
export { workspaceUsage } from "./workspace-usage";
export { workspaces } from "./workspaces";
