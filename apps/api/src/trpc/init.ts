import { initTRPC, TRPCError } from "@trpc/server";
import { AppError, errorCodeTable, isAppError } from "@vitae/errors";
import type { Context } from "./context";
import { formatTrpcError } from "./error-formatter";
import { containsNul } from "./input-guard";
import type { ProcedureMeta } from "./procedure-meta";
import { traceProcedure } from "./trace-procedure";

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter: formatTrpcError,
    // tRPC adds stack traces to error shapes when isDev is true; details belong in logs, never responses.
    isDev: false,
    sse: {
      // Pings keep proxies from closing idle subscription streams; the client reconnects if they stop.
      ping: { enabled: true, intervalMs: 10_000 },
      client: { reconnectAfterInactivityMs: 25_000 },
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/**
 * The bare builder; only `procedures.ts` composes it — every exported builder declares its access.
 *
 * One middleware, the outermost of every procedure (each tRPC middleware layer copies the call's options
 * and context, so per-request concerns share a layer rather than stacking):
 * - input holding U+0000 is refused (before anything is measured): Postgres text cannot store it, so it
 *   would otherwise fail deep inside a write as a 500;
 * - the procedure's latency and outcome are recorded (with tracing on, in a span per call of a batch);
 * - a thrown `AppError` becomes a TRPCError with the code's own tRPC code (tRPC would wrap it as
 *   INTERNAL_SERVER_ERROR), keeping the AppError as `cause` for the formatter and the logs — so
 *   `INTERNAL_SERVER_ERROR` means "unexpected" everywhere.
 */
export const baseProcedure = t.procedure.use(async ({ ctx, path, type, getRawInput, next }) => {
  if (containsNul(await getRawInput().catch(() => undefined))) {
    throw new AppError("VALIDATION_FAILED", { message: "Text may not contain NUL characters." });
  }
  const stopTimer = ctx.deps.metrics.procedureDuration.startTimer({ procedure: path, type });
  const result = await traceProcedure(path, type, next);
  stopTimer({ outcome: result.ok ? "ok" : "error" });
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && isAppError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: errorCodeTable[cause.code].trpc, message: cause.message, cause });
  }
  return result;
});
