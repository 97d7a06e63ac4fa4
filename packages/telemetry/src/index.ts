export {
  type CreateMetricsOptions,
  createMetrics,
  type Metrics,
  metricsContentType,
  type QueueDepthCollector,
  type QueueDepthSample,
} from "./create-metrics";
