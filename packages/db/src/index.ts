export { type CreateDbOptions, createDb, migrateDb } from "./create-db";
export type { Database, DbHandle, DbKind } from "./database";
export { type BinariesLookup, findPostgresBinaries, type PostgresBinaries } from "./embedded/binaries";
export { chooseEmbeddedEngine, type EngineChoice, type EngineFacts } from "./embedded/choose-engine";
export { type EmbeddedDb, type OpenEmbeddedDbOptions, openEmbeddedDb } from "./embedded/open-embedded-db";
export { type PostgresServer, type ServerLog, startPostgresServer } from "./embedded/server";
export {
  activityLimits,
  type DailyActivity,
  type DailyActivityParams,
  dailyActivity,
  documentStatusCounts,
  type MonthlyUsage,
  usageHistory,
} from "./queries/activity";
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
  type InsertAccountAuditEventParams,
  type InsertAuditEventParams,
  insertAccountAuditEvent,
  insertAuditEvent,
  type ListAuditEventsParams,
  listAuditEvents,
} from "./queries/audit";
export { type CallerOverview, getCallerOverview } from "./queries/caller-overview";
export {
  type InsertChatEventParams,
  insertChatEvent,
} from "./queries/chat-events";
export {
  type ChatInsightsParams,
  type ChatInsightsScope,
  chatInsightsLimits,
  type TopQuestion,
  topQuestions,
  type UnansweredQuestion,
  unansweredQuestions,
} from "./queries/chat-insights";
export { type RecordChatTurnParams, recordChatTurn } from "./queries/chat-record";
export { type ChatSession, getChatSession } from "./queries/chat-sessions";
export {
  type ChatTurn,
  chatTurnPageSize,
  type ListChatTurnsParams,
  listChatTurns,
} from "./queries/chat-turns";
export {
  type MarkDocumentFailedParams,
  type MarkDocumentReadyParams,
  markDocumentFailed,
  markDocumentFinalized,
  markDocumentProcessing,
  markDocumentReady,
  reopenDocumentForReingest,
} from "./queries/documents-lifecycle";
export {
  type DocumentDuplicate,
  type DocumentKind,
  type DocumentPerson,
  documentKinds,
  documentQueryMaxChars,
} from "./queries/documents-people";
export {
  type DocumentListItem,
  type DocumentRecord,
  documentPageSize,
  getDocument,
  getDocumentText,
  type ListDocumentsParams,
  listDocuments,
  listStaleUploadedDocuments,
  type StaleUploadedDocument,
} from "./queries/documents-read";
export {
  type CreateDocumentUploadParams,
  createDocumentUpload,
  type FinalizeDocumentUploadParams,
  type FinalizedUpload,
  finalizeDocumentUpload,
} from "./queries/documents-upload";
export {
  type DeletedDocument,
  deleteDocument,
  documentStorageKey,
  type InsertDocumentParams,
  insertDocument,
} from "./queries/documents-write";
export {
  type CreateExportParams,
  createExport,
  type ExportRecord,
  type ExportRef,
  type ExportSource,
  expireExport,
  exportObjectKey,
  exportObjectKeys,
  type MarkExportReadyParams,
  markExportFailed,
  markExportReady,
  markExportRunning,
  rejectedRowsKey,
} from "./queries/exports";
export {
  type DueExport,
  type ExportWithProgress,
  getExport,
  listExpiredExports,
} from "./queries/exports-read";
export { isUuid } from "./queries/ids";
export { type RestartImportAnalysisParams, restartImportAnalysis } from "./queries/import-analysis";
export {
  countImportRows,
  deleteImportRows,
  type ImportRowFilter,
  type ImportRowRecord,
  importRowBatchSize,
  importRowPageSize,
  listImportRows,
  readImportRows,
  type StoredRowCounts,
  streamImportRows,
  upsertImportRows,
} from "./queries/import-rows";
export {
  markImportValidated,
  markImportValidationFailed,
  type StartImportValidationParams,
  startImportValidation,
} from "./queries/import-validation";
export {
  type CreateImportUploadParams,
  createImportUpload,
  deleteImport,
  type FinalizeImportUploadParams,
  finalizeImportUpload,
  getImport,
  type ImportRecord,
  type ImportSummary,
  importPageSize,
  listImports,
  listStaleUploadedImports,
  type MarkImportMappedParams,
  markImportFailed,
  markImportMapped,
  type StaleUploadedImport,
} from "./queries/imports";
export {
  deleteJobPosting,
  getJobPosting,
  type InsertJobPostingParams,
  insertJobPosting,
  type JobPosting,
  type JobPostingSummary,
  jobPostingPageSize,
  type ListJobPostingsParams,
  listJobPostings,
} from "./queries/job-postings";
export { type JobRun, jobRunColumns } from "./queries/job-run-columns";
export { type FailedJobRunRow, listFailedJobRuns } from "./queries/job-runs-failed";
export {
  getJobRun,
  getJobRunBacklog,
  type JobRunBacklogRow,
  type ListStaleQueuedJobRunsParams,
  type ListStaleRunningJobRunsParams,
  listStaleQueuedJobRuns,
  listStaleRunningJobRuns,
} from "./queries/job-runs-read";
export {
  completeJobRun,
  type FailJobRunParams,
  failJobRun,
  type InsertJobRunParams,
  insertJobRun,
  markJobRunRunning,
  requeueJobRun,
  touchJobRunEnqueued,
  type UpdateJobRunProgressParams,
  updateJobRunProgress,
} from "./queries/job-runs-write";
export {
  type InsertLlmUsageParams,
  insertLlmUsage,
  type LlmTokenTotals,
  sumLlmTokens,
} from "./queries/llm-usage";
export {
  insertOutboxMessage,
  listOutboxMessages,
  type OutboxMessage,
  outboxPageSize,
} from "./queries/mail-outbox";
export {
  deleteMappingMemory,
  getRememberedMapping,
  learnedAliasSources,
  listLearnedAliases,
  listMappingMemory,
  type MappingMemoryEntry,
  mappingMemoryPageSize,
  type SaveImportMappingParams,
  saveImportMapping,
} from "./queries/mapping-memory";
export {
  countRankableProfiles,
  finishMatchRanking,
  getLatestMatchRanking,
  getMatchRanking,
  insertMatchRanking,
  insertMatchRankingResults,
  listMatchRankingResults,
  type MatchRanking,
  type MatchRankingEntry,
  matchRankingPageSize,
  startMatchRanking,
} from "./queries/match-rankings";
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
export { databaseUnavailableError, isDatabaseUnavailable } from "./queries/pg-errors";
export {
  attestationsPerProfileMax,
  insertAttestation,
  listAttestations,
  type ProfileAttestation,
} from "./queries/profile-attestations";
export {
  type ListRankableProfilesParams,
  listRankableProfiles,
  type ProfileMatchFeaturesRow,
  type RankableProfile,
  storeProfileMatchFeatures,
} from "./queries/profile-match-features";
export {
  type ProfileFactHit,
  profileSearchLimit,
  type RankedFact,
  rankProfileFacts,
  type SearchableFactKind,
  type SearchProfileFactsParams,
  searchProfileFacts,
} from "./queries/profile-search";
export type {
  Profile,
  ProfileContact,
  ProfileEducation,
  ProfileExperience,
  ProfileProject,
  ProfileSkill,
  ProfileView,
  WithFactId,
  YearMonth,
} from "./queries/profile-types";
export {
  getTailoredFor,
  listTailoredVersions,
  type TailoredFor,
  type TailoredVersion,
} from "./queries/profile-versions";
export {
  getProfileLineage,
  getProfileVersion,
  getProfileView,
  getProfileViewByDocument,
  type ListProfileViewsParams,
  listProfileViews,
  type ProfileLineage,
} from "./queries/profiles-read";
export { type CanonicalTechnology, type SaveProfileParams, saveProfile } from "./queries/profiles-save";
export {
  type EducationPatch,
  type ExperiencePatch,
  type ProfilePatch,
  type ProjectPatch,
  updateProfile,
} from "./queries/profiles-update";
export type {
  NewEducation,
  NewExperience,
  NewProject,
  ProfileAdditions,
  ProfileOrder,
} from "./queries/profiles-update-facts";
export { type InsertProfileVersionParams, insertProfileVersion } from "./queries/profiles-version";
export {
  type CreateShareLinkParams,
  createShareLink,
  findShareLinkByToken,
  generateShareLinkToken,
  getShareLink,
  hashShareLinkToken,
  listShareLinks,
  revokeShareLink,
  type ShareLinkChanges,
  type ShareLinkForToken,
  type ShareLinkSummary,
  shareLinkTokenPrefix,
  shareLinkTouchIntervalMs,
  touchShareLinkUsed,
  updateShareLink,
} from "./queries/share-links";
export {
  completeTailoring,
  failTailoring,
  getTailoring,
  insertTailoring,
  markTailoringConfirmed,
  startTailoring,
  type Tailoring,
} from "./queries/tailorings";
export { type UploadState, uploadStateOf } from "./queries/upload-state";
export {
  getWorkspaceUsage,
  type IncrementWorkspaceUsageParams,
  incrementWorkspaceUsage,
  usagePeriodOf,
  type WorkspaceUsageTotals,
} from "./queries/usage";
export {
  getStartWorkspaceId,
  getUserProfile,
  isInstanceOperator,
  isOperatorAccount,
  rememberActiveWorkspace,
  type UserProfile,
} from "./queries/users";
export {
  type CreateVoiceUploadParams,
  createVoiceUploadRecord,
  listStaleVoiceUploads,
  takeVoiceUpload,
  type VoiceUploadRecord,
} from "./queries/voice-uploads";
export {
  countSealedWorkspaceLlmKeys,
  deleteWorkspaceLlmSettings,
  getWorkspaceLlmProvider,
  getWorkspaceLlmSettings,
  resealWorkspaceLlmKey,
  type SaveWorkspaceLlmSettingsParams,
  saveWorkspaceLlmSettings,
  type WorkspaceLlmProviderRow,
  type WorkspaceLlmSettingsSummary,
} from "./queries/workspace-llm-settings";
export {
  type CreateWorkspaceParams,
  createWorkspaceWithOwner,
  getMembership,
  getWorkspacePlan,
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
  type ChatEventType,
  type ChatPrincipalKind,
  type ChatTurnInput,
  type ChatTurnMode,
  type ChatTurnSource,
  chatEvents,
  chatEventTypes,
  chatPrincipalKinds,
  chatSessions,
  chatTurnInputs,
  chatTurnModes,
  chatTurns,
  type DocumentStatus,
  type DocumentWarningRecord,
  documentStatus,
  documents,
  education,
  experiences,
  exportStatus,
  exports,
  type ImportRowError,
  type ImportRowStatus,
  type ImportStatus,
  type InvitationStatus,
  importRowStatus,
  importRows,
  importStatus,
  imports,
  invitationStatuses,
  type JobRunStatus,
  jobPostings,
  jobRunStatus,
  jobRuns,
  type LearnedAlias,
  llmUsage,
  type MatchRankingStatus,
  mailOutbox,
  mappingMemory,
  matchRankingResults,
  matchRankingStatuses,
  matchRankings,
  type ProfileParser,
  type ProfileSource,
  profileAttestations,
  profileMatchFeatures,
  profileParsers,
  profileSkills,
  profileSources,
  profiles,
  projects,
  type RememberedColumn,
  sessions,
  shareLinks,
  type TailoringMode,
  type TailoringStatus,
  tailoringModes,
  tailoringStatuses,
  tailorings,
  technologies,
  users,
  verifications,
  type WorkspacePlan,
  type WorkspaceRole,
  workspaceInvitations,
  workspaceLlmSettings,
  workspaceMembers,
  workspacePlans,
  workspaceRoles,
  workspaces,
  workspaceUsage,
} from "./schema";
