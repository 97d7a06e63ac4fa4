import { listFailedJobRuns } from "@vitae/db";
import { queueNames } from "@vitae/queue";
import { z } from "zod";
import { operatorProcedure } from "../../trpc/procedures";
import { isoDate } from "../schemas";

/** How many failed runs the view lists (newest first); older ones stay in `job_runs`. */
const failedRunLimit = 100;

const queueDepth = z.object({
  name: z.string(),
  waiting: z.number().int(),
  active: z.number().int(),
  delayed: z.number().int(),
  failed: z.number().int(),
});

const failedRun = z.object({
  id: z.string(),
  workspaceId: z.string().nullable(),
  name: z.string(),
  queue: z.string(),
  /** `queued`: waiting to be tried again (retry or discard apply); `failed`: failed for good. */
  status: z.enum(["queued", "failed"]),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  failedAt: isoDate,
});

/**
 * The operators' queue view: BullMQ's counts per queue and the runs whose last attempt failed, as
 * Postgres records them. Never a payload or result — those may hold user data of any workspace.
 */
export const queues = operatorProcedure
  .output(z.object({ queues: z.array(queueDepth), failedRuns: z.array(failedRun) }))
  .query(async ({ ctx }) => {
    const [depths, failedRuns] = await Promise.all([
      ctx.deps.queue.queueDepths(),
      listFailedJobRuns(ctx.deps.db, { limit: failedRunLimit }),
    ]);
    return { queues: queueNames.map((name) => ({ name, ...depths[name] })), failedRuns };
  });
