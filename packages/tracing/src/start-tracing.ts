import type { SpanProcessor } from "@opentelemetry/sdk-trace";
import { setTracingEnabled } from "./state";

/** Options of {@link startTracing}. */
export interface StartTracingOptions {
  /** `service.name` unless `OTEL_SERVICE_NAME` says otherwise (e.g. `vitae-api`, `vitae-worker`). */
  serviceName: string;
  /** The process environment: the standard `OTEL_*` variables configure exporter, sampler and resource. */
  env: Readonly<Record<string, string | undefined>>;
  /** Tests: export to these processors (e.g. an in-memory exporter) instead of OTLP. */
  spanProcessors?: SpanProcessor[];
}

/** The running tracer, if any. */
export interface Tracing {
  /** False when no exporter is configured: spans cost a no-op call and go nowhere. */
  enabled: boolean;
  /** Flushes pending spans and stops the SDK; call once on shutdown. */
  shutdown(): Promise<void>;
}

const disabled: Tracing = { enabled: false, shutdown: async () => undefined };

/**
 * Starts the OpenTelemetry Node SDK for traces only — metrics stay on Prometheus (`@vitae/telemetry`) and
 * logs on stdout. Off unless `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set
 * and `OTEL_SDK_DISABLED` is not `true`; then spans go over OTLP, configured by the standard `OTEL_*`
 * variables (protocol, headers, sampler, resource attributes). Call first in a process's composition root.
 *
 * The SDK is imported only then, so a process without tracing never loads it (it is large, and every
 * start — including one that fails on bad configuration — would pay for it).
 *
 * Spans carry names, ids, counts and durations — never résumé text, emails, prompts, tokens or keys:
 * instrumentation in this repository is manual, so nothing records what it was not told to.
 */
export async function startTracing(options: StartTracingOptions): Promise<Tracing> {
  const { env } = options;
  if (env.OTEL_SDK_DISABLED === "true") return disabled;
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (options.spanProcessors === undefined && (endpoint === undefined || endpoint === "")) return disabled;
  const { startNodeSdk } = await import("@opentelemetry/sdk-node");
  const sdk = startNodeSdk({
    resourceAttributes: env.OTEL_SERVICE_NAME ? {} : { "service.name": options.serviceName },
    ...(options.spanProcessors === undefined ? {} : { spanProcessors: options.spanProcessors }),
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [],
  });
  setTracingEnabled(true);
  return {
    enabled: true,
    async shutdown() {
      setTracingEnabled(false);
      await sdk.shutdown();
    },
  };
}
