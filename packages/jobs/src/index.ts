export { classifyJobError, type ErrorClassification } from "./classify-error";
export type { JobContext, JobHandler, JobHandlerMap, JobServices, JsonValue } from "./handler-types";
export { selfTestObjectKey } from "./handlers/run-self-test";
export { sweepExpiredVoice, voiceHourBucket, voiceObjects } from "./handlers/sweep-voice";
export type { ImportExportLedger } from "./handlers/write-import-export";
export { jobHandlers } from "./job-handlers";
export type { JobOutcome, WorkerMetrics } from "./job-metrics";
export { profileBaseHash } from "./matching/base-hash";
export { matchProfileOf } from "./matching/match-profile";
export { type MatchingLlmRecord, matchingLlmFor } from "./matching/matching-llm";
export {
  type RankingReasons,
  rankingReasonCount,
  rankingReasonsOf,
  rankingReasonsSchema,
} from "./matching/ranking-reasons";
export { type RunningWorkers, type StartWorkersOptions, startWorkers } from "./start-workers";
