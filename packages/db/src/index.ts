export { type CreateDbOptions, createDb, migrateDb } from "./create-db";
export type { Database, DbHandle, DbKind } from "./database";
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
export { type JobRunStatus, jobRunStatus, jobRuns } from "./schema";
