import {
  type Attributes,
  type Context,
  context,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";

/** The tracer every Vitae span comes from (a no-op until `startTracing` registers a provider). */
export const tracer = trace.getTracer("vitae");

export { type Attributes, type Span, SpanKind };

/** Options of {@link withSpan}. */
export interface WithSpanOptions {
  kind?: SpanKind;
  /** Names, ids, counts — never user content. */
  attributes?: Attributes;
  /** The parent; default the active context. */
  parent?: Context;
}

/**
 * Runs `fn` inside a new active span. A thrown error marks the span failed with the error's class or
 * `code` only: messages can quote user input, so they stay out of traces.
 */
export async function withSpan<T>(
  name: string,
  options: WithSpanOptions,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  return tracer.startActiveSpan(
    name,
    {
      kind: options.kind ?? SpanKind.INTERNAL,
      ...(options.attributes ? { attributes: options.attributes } : {}),
    },
    parent,
    async (span) => {
      try {
        return await fn(span);
      } catch (error) {
        markFailed(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Marks `span` failed with the error's stable code (or class name), never its message. */
export function markFailed(span: Span, error: unknown): void {
  const code =
    typeof error === "object" && error !== null && "code" in error && typeof error.code === "string"
      ? error.code
      : error instanceof Error
        ? error.name
        : "Error";
  span.setAttribute("error.type", code);
  span.setStatus({ code: SpanStatusCode.ERROR });
}

/** The W3C trace context of incoming headers (`traceparent`), as a parent for a server span. */
export function contextFromHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): Context {
  return propagation.extract(context.active(), headers);
}

/** Runs `fn` with `span` active, so spans and log lines it causes belong to it. */
export function runInSpan<T>(span: Span, fn: () => T): T {
  return context.with(trace.setSpan(context.active(), span), fn);
}

/**
 * True inside a recording span (a traced request or job). Clients that would otherwise trace every
 * background poll (Redis) create spans only then, so traces hold the calls a request or job caused.
 */
export function insideRecordingSpan(): boolean {
  return trace.getActiveSpan()?.isRecording() === true;
}

/** `trace_id` and `span_id` of the active span, for log lines; empty outside a sampled span. */
export function activeTraceFields(): { trace_id?: string; span_id?: string } {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (spanContext === undefined || !trace.isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}
