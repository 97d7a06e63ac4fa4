import { context, propagation, trace } from "@opentelemetry/api";
import { afterAll, describe, expect, it } from "vitest";
import { activeTraceFields, contextFromHeaders, SpanKind, withSpan } from "./spans";
import { startTracing } from "./start-tracing";
import { startInMemoryTracing } from "./testing";

const tracing = await startInMemoryTracing("vitae-unit");

describe("startTracing without an exporter", () => {
  it("stays off unless an OTLP endpoint is configured, or when the SDK is disabled", async () => {
    expect((await startTracing({ serviceName: "t", env: {} })).enabled).toBe(false);
    expect((await startTracing({ serviceName: "t", env: { OTEL_EXPORTER_OTLP_ENDPOINT: "" } })).enabled).toBe(
      false,
    );
    const disabled = await startTracing({
      serviceName: "t",
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318", OTEL_SDK_DISABLED: "true" },
    });
    expect(disabled.enabled).toBe(false);
    await disabled.shutdown();
  });
});

describe("spans", () => {
  afterAll(() => tracing.shutdown());

  it("nests spans through async work and exposes their ids to log lines", async () => {
    tracing.reset();
    let inner: { trace_id?: string; span_id?: string } = {};
    await withSpan("outer", { kind: SpanKind.SERVER, attributes: { "rpc.method": "chat.ask" } }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await withSpan("inner", {}, async () => {
        inner = activeTraceFields();
      });
    });
    const [innerSpan, outerSpan] = await tracing.spans();
    expect(innerSpan?.name).toBe("inner");
    expect(innerSpan?.parentSpanContext?.spanId).toBe(outerSpan?.spanContext().spanId);
    expect(inner).toEqual({
      trace_id: outerSpan?.spanContext().traceId,
      span_id: innerSpan?.spanContext().spanId,
    });
    expect(activeTraceFields()).toEqual({});
  });

  it("marks a failure with its code, never its message", async () => {
    tracing.reset();
    const failure = Object.assign(new Error("résumé of jane@example.com"), { code: "VALIDATION_FAILED" });
    await expect(withSpan("fails", {}, async () => Promise.reject(failure))).rejects.toBe(failure);
    const [span] = await tracing.spans();
    expect(span?.attributes["error.type"]).toBe("VALIDATION_FAILED");
    expect(span?.status.code).toBe(2);
    expect(JSON.stringify(span?.attributes)).not.toContain("jane@example.com");
    expect(span?.events).toEqual([]);
  });

  it("continues a trace from a W3C traceparent header", async () => {
    tracing.reset();
    const carrier: Record<string, string> = {};
    await withSpan("client", {}, async () => {
      propagation.inject(context.active(), carrier);
    });
    expect(carrier.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    await withSpan("server", { parent: contextFromHeaders(carrier) }, async () => undefined);
    const [client, server] = await tracing.spans();
    expect(server?.spanContext().traceId).toBe(client?.spanContext().traceId);
    expect(trace.getActiveSpan()).toBeUndefined();
  });
});
