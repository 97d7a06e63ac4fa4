import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from "@opentelemetry/sdk-trace";
import { startTracing } from "./start-tracing";
import { setTracingEnabled } from "./state";

/** Tracing for tests: every ended span is kept in memory. */
export interface InMemoryTracing {
  enabled: true;
  /** The spans ended so far, in the order they ended (waits for exports still in flight). */
  spans(): Promise<ReadableSpan[]>;
  reset(): void;
  /** Ends this file's use: spans are dropped and the hot paths stop making them. */
  shutdown(): Promise<void>;
}

interface SharedSdk {
  exporter: InMemorySpanExporter;
  processor: SimpleSpanProcessor;
}

let shared: Promise<SharedSdk> | undefined;

async function startShared(serviceName: string): Promise<SharedSdk> {
  const exporter = new InMemorySpanExporter();
  const processor = new SimpleSpanProcessor({ exporter });
  await startTracing({ serviceName, env: {}, spanProcessors: [processor] });
  return { exporter, processor };
}

/**
 * Starts tracing with an in-memory exporter, before the code under test starts (as main.ts does). The
 * provider is process-global, and code keeps the tracers it got from it, so the SDK starts once per
 * process (the first caller's `serviceName` names it) and every later caller — another test file in
 * the same process, when vitest runs files without isolation — shares it with an emptied exporter.
 */
export async function startInMemoryTracing(serviceName = "vitae-test"): Promise<InMemoryTracing> {
  shared ??= startShared(serviceName);
  const { exporter, processor } = await shared;
  exporter.reset();
  setTracingEnabled(true);
  return {
    enabled: true,
    async spans() {
      // Exports wait for the resource's detected attributes: flush before reading.
      await processor.forceFlush();
      return [...exporter.getFinishedSpans()];
    },
    reset: () => exporter.reset(),
    async shutdown() {
      setTracingEnabled(false);
      await processor.forceFlush();
      exporter.reset();
    },
  };
}

export type { ReadableSpan };
