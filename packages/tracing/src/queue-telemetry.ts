import { BullMQOtel } from "bullmq-otel";

/**
 * BullMQ's OpenTelemetry adapter for Queue and Worker options (`telemetry`). Adding a job records a
 * producer span and stores its context in the job, so the worker's processing span joins the trace of
 * the request that enqueued it. A no-op while tracing is off.
 */
export function createQueueTelemetry(): BullMQOtel {
  return new BullMQOtel({ tracerName: "vitae-queue" });
}
