export {
  defaultJobOptions,
  defineJob,
  type JobDefinition,
  type JobDeliveryOptions,
  type JobNamePattern,
} from "./define-job";
export {
  ingestDocumentJob,
  isJobName,
  type JobDefinitionOf,
  type JobName,
  jobDefinitions,
  type PayloadInputOf,
  type PayloadOf,
  type QueueName,
  queueNames,
  runSelfTestJob,
} from "./job-definitions";
export { type JobSchedule, jobSchedules, scheduleQueueName } from "./job-schedules";
export { isTerminalJobStatus, type JobStatusSnapshot } from "./job-status";
export { prepareJobRun } from "./prepare-job-run";
export {
  bullPrefixFor,
  createQueueClient,
  type EnqueueOptions,
  type EnqueueResult,
  type QueueClient,
  type QueueClientOptions,
  type QueueDepth,
  type ReconcileOptions,
  type ReconcileResult,
  type RegisteredJob,
} from "./queue-client";
export { sweepStaleUploadsJob } from "./storage-jobs";
export type { WatchJobProgressOptions } from "./watch-job-progress";
