export {
  type CreateMetricsOptions,
  createMetrics,
  type JobRunBacklogCollector,
  type JobRunBacklogSample,
  type Metrics,
  metricsContentType,
  type QueueDepthCollector,
  type QueueDepthSample,
} from "./create-metrics";
export {
  type ComponentReport,
  checkReadiness,
  type ReadinessBody,
  type ReadinessCheck,
  type ReadinessReport,
  toReadinessBody,
} from "./readiness";
