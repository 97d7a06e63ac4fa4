import {
  type Database,
  getJobRun,
  type JobRun,
  listStaleQueuedJobRuns,
  listStaleRunningJobRuns,
  requeueJobRun,
  touchJobRunEnqueued,
} from "@vitae/db";
import type { Logger } from "@vitae/logger";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { JobDefinition } from "./define-job";
import { definitionOfRun, failRunForGood, interruptedRunMessage } from "./exhaust-run";
import { withTimeout } from "./with-timeout";

/** Options for `reconcileStaleJobs`. */
export interface ReconcileOptions {
  /**
   * Only `queued` rows handed to the queue, and `running` rows whose attempt started, at least this long
   * ago are checked (the grace period of a fresh hand-over or attempt).
   */
  olderThanMs: number;
  /** At most this many rows of each status per call (oldest first). Default 500. */
  limit?: number;
}

/** Counts from one reconciliation pass. */
export interface ReconcileResult {
  /** Stale `queued` and `running` rows examined. */
  scanned: number;
  /** Rows whose BullMQ job was missing, failed or abandoned and has been added again. */
  dispatched: number;
  /** Rows whose BullMQ job is waiting or running as it should (nothing to repair). */
  alreadyQueued: number;
  /** Rows out of attempts whose BullMQ job failed or vanished: failed for good, `onExhausted` run. */
  exhausted: number;
  /** Rows of a job name this build does not define (left untouched for a build that does). */
  skipped: number;
  /** Rows left for the next pass because Redis or Postgres failed: the pass stops at the first failure. */
  failed: number;
}

/**
 * What BullMQ holds for a run. `abandoned` is an active job whose lock expired: its worker died and no
 * stall check has moved it yet.
 */
type QueueSide = "missing" | "pending" | "locked" | "abandoned" | "failed" | "completed";

/** What the reconciler needs from the queue client. */
export interface RunReconcilerDeps {
  db: Database;
  redis: Redis;
  logger: Logger;
  redisTimeoutMs: number;
  queueFor(name: string): Queue;
  addToQueue(definition: JobDefinition, jobRunId: string, payload: unknown): Promise<void>;
}

type Repair = "dispatched" | "alreadyQueued" | "exhausted";

/**
 * Repairs runs whose two records disagree. Postgres's row is the truth about a run (its status and
 * attempts); BullMQ only carries deliveries. A run stays unfinished only while BullMQ will deliver it
 * again; otherwise it is dispatched again (attempts left) or failed for good with `onExhausted`.
 */
export function createRunReconciler(deps: RunReconcilerDeps) {
  const { db, redis, logger, redisTimeoutMs } = deps;

  async function queueSide(definition: JobDefinition, id: string): Promise<QueueSide> {
    const queue = deps.queueFor(definition.queue);
    const state = await withTimeout(queue.getJobState(id), redisTimeoutMs, "job state");
    switch (state) {
      case "unknown":
        return "missing";
      case "failed":
        return "failed";
      case "completed":
        return "completed";
      case "active": {
        const lock = await withTimeout(redis.exists(`${queue.toKey(id)}:lock`), redisTimeoutMs, "job lock");
        return lock === 1 ? "locked" : "abandoned";
      }
      default:
        return "pending";
    }
  }

  async function repair(definition: JobDefinition, row: JobRun, side: QueueSide): Promise<Repair> {
    if (side === "pending" || side === "locked") {
      if (row.status === "queued") await touchJobRunEnqueued(db, { id: row.id });
      return "alreadyQueued";
    }
    // A queued row whose job is merely abandoned will be picked up again by BullMQ's stall check.
    if (side === "abandoned" && row.status === "queued") return "alreadyQueued";
    if (row.attempts >= row.maxAttempts) {
      await failRunForGood(db, {
        run: row,
        errorCode: row.errorCode ?? "INTERNAL",
        errorMessage: row.errorMessage ?? interruptedRunMessage,
        logger,
      });
      return "exhausted";
    }
    const queue = deps.queueFor(definition.queue);
    // A lock taken since the check (a worker just picked the job up) makes remove() refuse: nothing to do.
    if (side !== "missing" && (await withTimeout(queue.remove(row.id), redisTimeoutMs, "job remove")) === 0) {
      return "alreadyQueued";
    }
    if (row.status === "running") await requeueJobRun(db, { id: row.id });
    // Same jobId: a copy another pass re-added meanwhile makes this a no-op, so nothing runs twice.
    await deps.addToQueue(definition, row.id, row.payload);
    await touchJobRunEnqueued(db, { id: row.id });
    return "dispatched";
  }

  return {
    async reconcileStaleJobs({ olderThanMs, limit = 500 }: ReconcileOptions): Promise<ReconcileResult> {
      const olderThan = new Date(Date.now() - olderThanMs);
      const rows = [
        ...(await listStaleQueuedJobRuns(db, { olderThan, limit })),
        ...(await listStaleRunningJobRuns(db, { startedBefore: olderThan, limit })),
      ];
      const result: ReconcileResult = {
        scanned: rows.length,
        dispatched: 0,
        alreadyQueued: 0,
        exhausted: 0,
        skipped: 0,
        failed: 0,
      };
      for (const [index, row] of rows.entries()) {
        const definition = definitionOfRun(row.name);
        // Periodic ticks have no rows; a row of one was enqueued by hand and runs like any other job.
        if (definition === undefined) {
          result.skipped += 1;
          continue;
        }
        try {
          result[await repair(definition, row, await queueSide(definition, row.id))] += 1;
        } catch (error) {
          // Redis or Postgres is down or slow: every further row would wait out the same failure.
          result.failed = rows.length - index;
          logger.warn(
            { err: error, jobId: row.id },
            "reconciler could not repair a run; will retry next pass",
          );
          break;
        }
      }
      return result;
    },

    /**
     * Repairs one run now, without a grace period: called by the workers when BullMQ reports a job
     * failed (including a job it failed without running, after its workers died too often).
     */
    async settleJobRun(jobRunId: string): Promise<Repair | "finished" | "skipped"> {
      const row = await getJobRun(db, { id: jobRunId });
      if (row === undefined || (row.status !== "queued" && row.status !== "running")) return "finished";
      const definition = definitionOfRun(row.name);
      if (definition === undefined) return "skipped";
      return repair(definition, row, await queueSide(definition, row.id));
    },
  };
}
