import { insertAuditEvent } from "@vitae/db";
import { z } from "zod";
import { operatorProcedure } from "../../trpc/procedures";
import { auditEventOf } from "../audit-trail";

const runInput = z.strictObject({ jobRunId: z.uuid() });
const runOutput = z.object({ jobRunId: z.string() });

/**
 * Operators hand a run that waits to be retried after a failed attempt to the queue now. Audited in
 * the transaction that records the hand-over (in the run's workspace, if it has one).
 */
export const retryJob = operatorProcedure
  .input(runInput)
  .output(runOutput)
  .mutation(async ({ ctx, input }) => {
    await ctx.deps.queue.retryFailedRun(input.jobRunId, {
      withinTransaction: (tx, run) =>
        insertAuditEvent(
          tx,
          auditEventOf(ctx, {
            workspaceId: run.workspaceId,
            action: "operations.job-retry",
            targetType: "job_run",
            targetId: run.id,
            metadata: { job: run.name, attempts: run.attempts, errorCode: run.errorCode },
          }),
        ).then(() => undefined),
    });
    return { jobRunId: input.jobRunId };
  });

/**
 * Operators fail such a run for good now (the job's `onExhausted` runs, e.g. its document is marked
 * failed). Audited in the same transaction.
 */
export const discardJob = operatorProcedure
  .input(runInput)
  .output(runOutput)
  .mutation(async ({ ctx, input }) => {
    await ctx.deps.queue.discardFailedRun(input.jobRunId, {
      withinTransaction: (tx, run) =>
        insertAuditEvent(
          tx,
          auditEventOf(ctx, {
            workspaceId: run.workspaceId,
            action: "operations.job-discard",
            targetType: "job_run",
            targetId: run.id,
            metadata: { job: run.name, attempts: run.attempts, errorCode: run.errorCode },
          }),
        ).then(() => undefined),
    });
    return { jobRunId: input.jobRunId };
  });
