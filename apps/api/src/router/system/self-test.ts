import { runSelfTestJob } from "@vitae/queue";
import { z } from "zod";
import { publicProcedure } from "../../trpc/procedures";
import { selfTestRunInput, selfTestRunOutput, toSelfTestRun } from "./self-test-run";

/**
 * Starts a self-test: a job that round-trips through Redis, a worker, Postgres and storage. The run is
 * committed to Postgres before it is queued, so it is reported even if Redis refuses it right now
 * (`dispatched: false`; the reconciler queues it when Redis is back).
 */
export const selfTestProcedure = publicProcedure
  // Declared so that a body is parsed and anything but "no input" is refused, not silently ignored.
  .input(z.void())
  .output(z.object({ jobRunId: z.string(), dispatched: z.boolean() }))
  .mutation(async ({ ctx }) => {
    const { jobRunId, dispatched } = await ctx.deps.queue.enqueue(runSelfTestJob, {});
    ctx.deps.logger.info({ jobRunId, dispatched }, "self-test queued");
    return { jobRunId, dispatched };
  });

/** One self-test run's current state (a primary-key read; also the polling fallback to the stream). */
export const selfTestResultProcedure = publicProcedure
  .input(selfTestRunInput)
  .output(selfTestRunOutput)
  .query(async ({ ctx, input }) => toSelfTestRun(await ctx.deps.queue.getJobStatus(input.jobRunId)));
