import { z } from "zod";
import { defineJob } from "./define-job";

/**
 * `usage.flush-requests`: writes the workspaces' request counters, counted live in Redis by the API, behind
 * to `workspace_usage` every 5 seconds — one scheduler per prefix, so one flusher at a time across every
 * worker (API processes also flush once when they stop). Each counted request is taken by exactly one
 * flush; a failed write gives it back for the next tick.
 */
export const flushRequestsJob = defineJob({
  name: "usage.flush-requests",
  queue: "maintenance",
  schema: z.strictObject({}),
  // A failed flush is simply the next tick's work (nothing is taken out of Redis unless written).
  options: { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 50 } },
  schedule: { everyMs: 5_000 },
});
