import { initTRPC } from "@trpc/server";
import type { Context } from "./context";
import { formatTrpcError } from "./error-formatter";
import type { ProcedureMeta } from "./procedure-meta";

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
/** The bare builder; only `procedures.ts` composes it — every exported builder declares its access. */
export const baseProcedure = t.procedure;
