import { initTRPC } from "@trpc/server";
import type { Context } from "./context";
import { formatTrpcError } from "./error-formatter";

const t = initTRPC.context<Context>().create({
  errorFormatter: formatTrpcError,
  // tRPC adds stack traces to error shapes when isDev is true; details belong in logs, never responses.
  isDev: false,
  sse: {
    // Pings keep proxies from closing idle subscription streams; the client reconnects if they stop.
    ping: { enabled: true, intervalMs: 10_000 },
    client: { reconnectAfterInactivityMs: 25_000 },
  },
});

/** Records each procedure's latency and outcome; composed into every builder. */
const measured = t.middleware(async ({ ctx, path, type, next }) => {
  const stopTimer = ctx.deps.metrics.procedureDuration.startTimer({ procedure: path, type });
  const result = await next();
  stopTimer({ outcome: result.ok ? "ok" : "error" });
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** Anyone may call it. Later issues add `protectedProcedure` / `workspaceProcedure` next to it. */
export const publicProcedure = t.procedure.use(measured);
