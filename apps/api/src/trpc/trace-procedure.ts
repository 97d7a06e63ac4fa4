import { isTracingEnabled, SpanKind, withSpan } from "@vitae/tracing/spans";

/**
 * Runs a procedure's remaining middleware and resolver inside a span named by its path
 * (`trpc documents.finalize`): each call of a batch gets its own. Error results carry the tRPC code only.
 * A direct call when tracing is off, so the hot path pays nothing.
 */
export function traceProcedure<R extends { ok: boolean; error?: { code: string } }>(
  path: string,
  type: string,
  next: () => Promise<R>,
): Promise<R> {
  if (!isTracingEnabled()) return next();
  return withSpan(
    `trpc ${path}`,
    { kind: SpanKind.INTERNAL, attributes: { "rpc.system": "trpc", "rpc.method": path, "trpc.type": type } },
    async (span) => {
      const result = await next();
      if (!result.ok) span.setAttribute("error.type", result.error?.code ?? "error");
      return result;
    },
  );
}
