export { type CreateDbOptions, createDb, migrateDb } from "./create-db";
export type { Database, DbHandle, DbKind } from "./database";
export {
  type ApiKeyForVerification,
  type ApiKeySummary,
  apiKeyTouchIntervalMs,
  findApiKeyByPrefix,
  type InsertApiKeyParams,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
  touchApiKeyUsed,
} from "./queries/api-keys";
export {
  type AuditEventItem,
  auditPageSize,
  type InsertAuditEventParams,
  insertAuditEvent,
  type ListAuditEventsParams,
  listAuditEvents,
} from "./queries/audit";
export { isUuid } from "./queries/ids";
export { type JobRun, jobRunColumns } from "./queries/job-run-columns";
export {
  getJobRun,
  type ListStaleQueuedJobRunsParams,
  listStaleQueuedJobRuns,
} from "./queries/job-runs-read";
export {
  completeJobRun,
  type FailJobRunParams,
  failJobRun,
  type InsertJobRunParams,
  insertJobRun,
  markJobRunRunning,
  touchJobRunEnqueued,
  type UpdateJobRunProgressParams,
  updateJobRunProgress,
} from "./queries/job-runs-write";
export {
  type CreateInvitationParams,
  createInvitation,
  type InvitationSummary,
  listMembers,
  listPendingInvitations,
  type MemberSummary,
  removeMember,
  updateMemberRole,
} from "./queries/members";
export {
  getWorkspaceUsage,
  type IncrementWorkspaceUsageParams,
  incrementWorkspaceUsage,
  usagePeriodOf,
  type WorkspaceUsageTotals,
} from "./queries/usage";
export { getUserProfile, type UserProfile } from "./queries/users";
export {
  type CreateWorkspaceParams,
  createWorkspaceWithOwner,
  getMembership,
  listWorkspacesForUser,
  type Membership,
  renameWorkspace,
  slugify,
  type WorkspaceForUser,
  type WorkspaceSummary,
} from "./queries/workspaces";
export {
  type AuditActorType,
  accounts,
  apiKeys,
  auditActorTypes,
  auditLog,
  type InvitationStatus,
  invitationStatuses,
  type JobRunStatus,
  jobRunStatus,
  jobRuns,
  sessions,
  users,
  verifications,
  type WorkspacePlan,
  type WorkspaceRole,
  workspaceInvitations,
  workspaceMembers,
  workspacePlans,
  workspaceRoles,
  workspaces,
  workspaceUsage,
} from "./schema";
