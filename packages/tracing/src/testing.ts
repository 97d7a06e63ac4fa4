import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from "@opentelemetry/sdk-trace";
import { startTracing, type Tracing } from "./start-tracing";

/** Tracing for tests: every ended span is kept in memory. */
export interface InMemoryTracing extends Tracing {
  /** The spans ended so far, in the order they ended (waits for exports still in flight). */
  spans(): Promise<ReadableSpan[]>;
  reset(): void;
}

/** Starts the SDK with an in-memory exporter (once per test file: the provider is process-global). */
export async function startInMemoryTracing(serviceName = "vitae-test"): Promise<InMemoryTracing> {
  const exporter = new InMemorySpanExporter();
  const processor = new SimpleSpanProcessor({ exporter });
  const tracing = await startTracing({ serviceName, env: {}, spanProcessors: [processor] });
  return {
    ...tracing,
    async spans() {
      // Exports wait for the resource's detected attributes: flush before reading.
      await processor.forceFlush();
      return [...exporter.getFinishedSpans()];
    },
    reset: () => exporter.reset(),
  };
}

export type { ReadableSpan };
