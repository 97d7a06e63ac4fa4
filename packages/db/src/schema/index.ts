export { type JobRunStatus, jobRunStatus, jobRuns } from "./job-runs";
