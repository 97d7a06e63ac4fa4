export { accounts } from "./accounts";
export { apiKeys } from "./api-keys";
export { type AuditActorType, auditActorTypes, auditLog } from "./audit-log";
export { type ChatEventType, chatEvents, chatEventTypes } from "./chat-events";
export { type ChatPrincipalKind, chatPrincipalKinds, chatSessions } from "./chat-sessions";
export {
  type ChatTurnInput,
  type ChatTurnMode,
  type ChatTurnSource,
  chatTurnInputs,
  chatTurnModes,
  chatTurns,
} from "./chat-turns";
export { type DocumentStatus, type DocumentWarningRecord, documentStatus, documents } from "./documents";
export { education } from "./education";
export { experiences } from "./experiences";
export { exportStatus, exports } from "./exports";
export {
  type ImportRowError,
  type ImportRowStatus,
  importRowStatus,
  importRows,
} from "./import-rows";
export { type ImportStatus, importStatus, imports } from "./imports";
export { jobPostings } from "./job-postings";
export { type JobRunStatus, jobRunStatus, jobRuns } from "./job-runs";
export { llmUsage } from "./llm-usage";
export { mailOutbox } from "./mail-outbox";
export { type LearnedAlias, mappingMemory, type RememberedColumn } from "./mapping-memory";
export {
  type MatchRankingStatus,
  matchRankingResults,
  matchRankingStatuses,
  matchRankings,
} from "./match-rankings";
export { profileAttestations } from "./profile-attestations";
export { profileMatchFeatures } from "./profile-match-features";
export { profileSkills } from "./profile-skills";
export {
  type ProfileParser,
  type ProfileSource,
  profileParsers,
  profileSources,
  profiles,
} from "./profiles";
export { projects } from "./projects";
export {
  type WorkspacePlan,
  type WorkspaceRole,
  workspacePlans,
  workspaceRoles,
} from "./roles";
export { sessions } from "./sessions";
export { shareLinks } from "./share-links";
export {
  type TailoringMode,
  type TailoringStatus,
  tailoringModes,
  tailoringStatuses,
  tailorings,
} from "./tailorings";
export { technologies } from "./technologies";
export { users } from "./users";
export { verifications } from "./verifications";
export { voiceUploads } from "./voice-uploads";
export {
  type InvitationStatus,
  invitationStatuses,
  workspaceInvitations,
} from "./workspace-invitations";
export { workspaceLlmSettings } from "./workspace-llm-settings";
export { workspaceMembers } from "./workspace-members";
export { workspaceUsage } from "./workspace-usage";
export { workspaces } from "./workspaces";
