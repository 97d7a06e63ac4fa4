import { insideRecordingSpan, isTracingEnabled, markFailed, SpanKind, tracer } from "@vitae/tracing/spans";
import type { Redis } from "ioredis";

/**
 * Makes every command `redis` sends inside a traced request or job a CLIENT span named by the command
 * (`redis get`), with the command name only — keys and arguments can carry user data and never go
 * into traces. Commands outside a recording span (BullMQ's polling, schedules) are not traced.
 */
export function traceCommands(redis: Redis): void {
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = ((command, stream) => {
    if (isTracingEnabled() && insideRecordingSpan()) {
      const operation = command.name.toUpperCase();
      const span = tracer.startSpan(`redis ${command.name}`, {
        kind: SpanKind.CLIENT,
        attributes: { "db.system.name": "redis", "db.operation.name": operation },
      });
      command.promise.then(
        () => span.end(),
        (error: unknown) => {
          markFailed(span, error);
          span.end();
        },
      );
    }
    return send(command, stream);
  }) as Redis["sendCommand"];
}
