import { type Database, getJobRun, type JobRun, touchJobRunEnqueued } from "@vitae/db";
import { AppError } from "@vitae/errors";
import type { Logger } from "@vitae/logger";
import type { Queue } from "bullmq";
import type { JobDefinition } from "./define-job";
import { definitionOfRun, failRunForGood, interruptedRunMessage } from "./exhaust-run";
import { withTimeout } from "./with-timeout";

/** Options of the operator actions: `withinTransaction` writes alongside the run's change (its audit row). */
export interface OperateRunOptions {
  /** Runs in the transaction that records the action; throwing aborts the action. */
  withinTransaction?: (tx: Database, run: JobRun) => Promise<void>;
}

/** The run an operator acted on, as it was before the action (never handed out with its payload). */
export type OperatedRun = Omit<JobRun, "payload" | "result">;

/** What the operator actions need from the queue client (the reconciler's dependencies). */
export interface RunOperatorDeps {
  db: Database;
  logger: Logger;
  redisTimeoutMs: number;
  queueFor(name: string): Queue;
  addToQueue(definition: JobDefinition, jobRunId: string, payload: unknown): Promise<void>;
}

const notWaitingMessage = "This job is not waiting to be retried after a failure.";

/**
 * A run an operator may act on: its last attempt failed and it waits for another (`queued` with an
 * error code and attempts left) in a job this build defines. Anything else is a CONFLICT, so a run that
 * a worker picked up, finished or failed for good meanwhile is never touched twice.
 */
async function waitingRun(
  db: Database,
  jobRunId: string,
): Promise<{ run: JobRun; definition: JobDefinition }> {
  const run = await getJobRun(db, { id: jobRunId });
  if (run === undefined) throw new AppError("NOT_FOUND", { message: "Job not found." });
  const definition = definitionOfRun(run.name);
  if (run.status !== "queued" || run.errorCode === null || run.attempts >= run.maxAttempts || !definition) {
    throw new AppError("CONFLICT", { message: notWaitingMessage });
  }
  return { run, definition };
}

function withoutData({ payload: _payload, result: _result, ...run }: JobRun): OperatedRun {
  return run;
}

/**
 * The operators' retry and discard of failed runs. Postgres's row stays the truth: retry hands the same
 * run (same id, same attempt count) to the queue again now instead of after its backoff, exactly as the
 * reconciler re-dispatches a run; discard ends it through `failRunForGood`, the one way a run fails for
 * good, so the job's `onExhausted` runs.
 */
export function createRunOperator(deps: RunOperatorDeps) {
  const { db, logger, redisTimeoutMs } = deps;

  return {
    async retryFailedRun(jobRunId: string, options: OperateRunOptions = {}): Promise<OperatedRun> {
      const { run, definition } = await waitingRun(db, jobRunId);
      const queue = deps.queueFor(definition.queue);
      const state = await withTimeout(queue.getJobState(run.id), redisTimeoutMs, "job state");
      // A worker took the job since the row was read: the retry is already happening.
      if (state === "active") throw new AppError("CONFLICT", { message: notWaitingMessage });
      await db.transaction(async (tx) => {
        // Restarting the staleness clock is also the guard: a row a worker started meanwhile is not queued.
        if (!(await touchJobRunEnqueued(tx, { id: run.id }))) {
          throw new AppError("CONFLICT", { message: notWaitingMessage });
        }
        await options.withinTransaction?.(tx, run);
      });
      // remove() refuses a job a worker locked since the check: that worker runs it, nothing to add.
      if (
        state !== "unknown" &&
        (await withTimeout(queue.remove(run.id), redisTimeoutMs, "job remove")) === 0
      ) {
        return withoutData(run);
      }
      // Same jobId, so a copy the reconciler re-added meanwhile makes this a no-op.
      await deps.addToQueue(definition, run.id, run.payload);
      return withoutData(run);
    },

    async discardFailedRun(jobRunId: string, options: OperateRunOptions = {}): Promise<OperatedRun> {
      const { run, definition } = await waitingRun(db, jobRunId);
      await db.transaction(async (tx) => {
        const failed = await failRunForGood(tx, {
          run,
          errorCode: run.errorCode ?? "INTERNAL",
          errorMessage: run.errorMessage ?? interruptedRunMessage,
          logger,
        });
        if (!failed) throw new AppError("CONFLICT", { message: notWaitingMessage });
        await options.withinTransaction?.(tx, run);
      });
      // The row is final, so a delivery left behind is skipped by the worker; removing it only tidies up.
      try {
        await withTimeout(deps.queueFor(definition.queue).remove(run.id), redisTimeoutMs, "job remove");
      } catch (error) {
        logger.warn(
          { err: error, jobId: run.id },
          "discarded run's queued job not removed; it will be skipped",
        );
      }
      return withoutData(run);
    },
  };
}
