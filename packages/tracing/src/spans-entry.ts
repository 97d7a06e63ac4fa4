// What packages that create spans import: only @opentelemetry/api (and BullMQ's adapter on it), never the
// SDK, so a package can be traced without loading the exporter. Composition roots import "@vitae/tracing".
export { createQueueTelemetry } from "./queue-telemetry";
export {
  activeTraceFields,
  contextFromHeaders,
  insideRecordingSpan,
  markFailed,
  runInSpan,
  type Span,
  SpanKind,
  tracer,
  type WithSpanOptions,
  withSpan,
} from "./spans";
export { isTracingEnabled } from "./state";
