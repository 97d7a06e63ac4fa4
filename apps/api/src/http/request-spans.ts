import {
  contextFromHeaders,
  isTracingEnabled,
  runInSpan,
  type Span,
  SpanKind,
  tracer,
} from "@vitae/tracing/spans";
import type { FastifyInstance, FastifyRequest } from "fastify";

const spans = new WeakMap<FastifyRequest, Span>();

/**
 * One SERVER span per request, continuing the caller's W3C `traceparent`, named by method and route
 * pattern (never the raw URL: query strings can carry user input or signatures). Everything the request
 * causes — procedures, jobs it enqueues, log lines — belongs to it. Registered only when tracing is on.
 */
export function registerRequestSpans(app: FastifyInstance): void {
  if (!isTracingEnabled()) return;
  app.addHook("onRequest", (request, _reply, done) => {
    const span = tracer.startSpan(
      request.method,
      { kind: SpanKind.SERVER, attributes: { "http.request.method": request.method } },
      contextFromHeaders(request.headers),
    );
    spans.set(request, span);
    runInSpan(span, done);
  });
  const end = (request: FastifyRequest, statusCode: number) => {
    const span = spans.get(request);
    if (span === undefined) return;
    spans.delete(request);
    const route = request.routeOptions.url ?? "unmatched";
    span.updateName(`${request.method} ${route}`);
    span.setAttributes({ "http.route": route, "http.response.status_code": statusCode });
    if (statusCode >= 500) span.setAttribute("error.type", String(statusCode));
    span.end();
  };
  app.addHook("onResponse", async (request, reply) => end(request, reply.statusCode));
  app.addHook("onRequestAbort", async (request) => end(request, 499));
}
