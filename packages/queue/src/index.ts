export {
  defaultJobOptions,
  defineJob,
  type ExhaustedRun,
  type JobDefinition,
  type JobDeliveryOptions,
  type JobNamePattern,
  type JobSchedule,
} from "./define-job";
export { type FailRunForGoodParams, failRunForGood, interruptedRunMessage } from "./exhaust-run";
export {
  exportRunPayloadSchema,
  failExportOnExhausted,
  renderProfileExportJob,
  sweepExpiredExportsJob,
} from "./export-jobs";
export {
  analyseImportJob,
  ingestDocumentJob,
  isJobName,
  type JobDefinitionOf,
  type JobName,
  jobDefinitions,
  type PayloadInputOf,
  type PayloadOf,
  proposeTailoringJob,
  type QueueName,
  queueNames,
  rankProfilesJob,
  runSelfTestJob,
  sweepVoiceJob,
  validateImportJob,
  writeImportExportJob,
} from "./job-definitions";
export { isTerminalJobStatus, type JobStatusSnapshot } from "./job-status";
export type { OperatedRun, OperateRunOptions } from "./operate-runs";
export { prepareJobRun } from "./prepare-job-run";
export {
  bullPrefixFor,
  createQueueClient,
  type EnqueueOptions,
  type EnqueueResult,
  type QueueClient,
  type QueueClientOptions,
  type QueueDepth,
  type RegisteredJob,
} from "./queue-client";
export type { ReconcileOptions, ReconcileResult } from "./reconcile-runs";
export { sweepStaleUploadsJob } from "./storage-jobs";
export { flushRequestsJob } from "./usage-jobs";
export type { WatchJobProgressOptions } from "./watch-job-progress";
