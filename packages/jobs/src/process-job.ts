import {
  completeJobRun,
  type Database,
  failJobRun,
  getJobRun,
  type JobRun,
  markJobRunRunning,
  updateJobRunProgress,
} from "@vitae/db";
import { defaultMessageFor } from "@vitae/errors";
import { type Logger, runWithLogContext } from "@vitae/logger";
import { isJobName, type JobName, jobDefinitions } from "@vitae/queue";
import type { ObjectStore } from "@vitae/storage";
import { type Job, UnrecoverableError } from "bullmq";
import { classifyJobError } from "./classify-error";
import type { JobContext, JobHandler, JobHandlerMap, JobServices, JsonValue } from "./handler-types";
import type { JobMetrics, JobOutcome } from "./job-metrics";

/** What the processor needs; injected by `startWorkers`. */
export interface ProcessJobDeps {
  db: Database;
  storage: ObjectStore;
  services: JobServices;
  logger: Logger;
  handlers: JobHandlerMap;
  metrics: JobMetrics | undefined;
}

/** The BullMQ processor signature (job, lock token, cancellation signal). */
export type JobProcessor = (job: Job, token?: string, signal?: AbortSignal) => Promise<unknown>;

/**
 * Builds the processor every queue's Worker runs. For each delivery it:
 * 1. moves the row to `running` (counting the attempt) — or, when the row is already finished, returns
 *    its stored result without running anything (redelivery after a crash is a no-op);
 * 2. re-validates the payload (invalid → row `failed` with `JOB_PAYLOAD_INVALID`, `UnrecoverableError`);
 * 3. runs the handler inside a log context carrying `jobId` and `workspaceId`;
 * 4. records `succeeded` with the result, or the classified failure: permanent ones fail the row and
 *    throw `UnrecoverableError`; retryable ones put the row back to `queued` while attempts remain and
 *    rethrow so BullMQ schedules the retry with the job's backoff.
 * The row is always written before BullMQ learns the outcome, so watchers woken by a queue event read
 * the final state.
 */
export function createJobProcessor(deps: ProcessJobDeps): JobProcessor {
  const { db, logger, metrics } = deps;

  return async (job, _token, signal) => {
    const jobRunId = job.id;
    if (jobRunId === undefined) throw new UnrecoverableError("BullMQ job without an id");
    const startedAt = performance.now();
    const observe = (run: JobRun, outcome: JobOutcome): void => {
      metrics?.record({ queue: run.queue, name: run.name }, outcome, (performance.now() - startedAt) / 1000);
    };

    const row = await markJobRunRunning(db, { id: jobRunId });
    if (row === undefined) {
      const existing = await getJobRun(db, { id: jobRunId });
      if (existing === undefined) {
        logger.error({ jobId: jobRunId, job: job.name }, "job has no job_runs row; dropping it");
        throw new UnrecoverableError("No job_runs row for this job");
      }
      logger.info({ jobId: jobRunId, status: existing.status }, "job already finished; redelivery ignored");
      observe(existing, "skipped");
      return existing.result;
    }

    const context = {
      jobId: jobRunId,
      ...(row.workspaceId === null ? {} : { workspaceId: row.workspaceId }),
    };
    // The logger's mixin adds the context's jobId/workspaceId to every line, including the handler's.
    return runWithLogContext(context, async () => {
      const fail = async (code: string, message: string, willRetry: boolean): Promise<void> => {
        await failJobRun(db, { id: jobRunId, errorCode: code, errorMessage: message, willRetry });
        observe(row, willRetry ? "retried" : "failed");
      };

      if (!isJobName(row.name)) {
        logger.error({ job: row.name }, "no handler for this job name in this build");
        await fail("INTERNAL", "This job type is not supported.", false);
        throw new UnrecoverableError(`Unknown job name ${row.name}`);
      }
      const parsed = jobDefinitions[row.name].schema.safeParse(job.data);
      if (!parsed.success) {
        logger.warn({ job: row.name, issues: parsed.error.issues }, "job payload invalid at run time");
        await fail("JOB_PAYLOAD_INVALID", defaultMessageFor("JOB_PAYLOAD_INVALID"), false);
        throw new UnrecoverableError("Job payload invalid");
      }

      try {
        const result = await runHandler(deps, row, row.name, parsed.data, job, logger, signal);
        await completeJobRun(db, { id: jobRunId, result });
        observe(row, "completed");
        logger.info({ job: row.name, attempt: row.attempts }, "job succeeded");
        return result;
      } catch (error) {
        const classification = classifyJobError(error);
        const hasAttemptsLeft = job.attemptsMade + 1 < (job.opts.attempts ?? 1);
        const willRetry = classification.isRetryable && hasAttemptsLeft;
        logger.warn(
          { err: error, job: row.name, attempt: row.attempts, code: classification.code, willRetry },
          "job attempt failed",
        );
        await fail(classification.code, classification.message, willRetry);
        if (!classification.isRetryable) throw new UnrecoverableError(classification.message);
        throw error;
      }
    });
  };
}

function runHandler(
  deps: ProcessJobDeps,
  row: JobRun,
  name: JobName,
  payload: unknown,
  job: Job,
  logger: Logger,
  signal: AbortSignal | undefined,
): Promise<JsonValue> {
  const context: JobContext<JobName> = {
    jobRunId: row.id,
    workspaceId: row.workspaceId,
    // Validated against jobDefinitions[name].schema by the caller.
    payload: payload as JobContext<JobName>["payload"],
    attempt: row.attempts,
    db: deps.db,
    storage: deps.storage,
    services: deps.services,
    logger,
    signal,
    async reportProgress(percent, message) {
      await updateJobRunProgress(deps.db, { id: row.id, progress: percent, message });
      // Only a wake-up for watchers, who re-read the row; losing it to a Redis blip costs a poll interval.
      await job.updateProgress({ percent, message }).catch((error: unknown) => {
        logger.debug({ err: error }, "progress event not published");
      });
    },
  };
  const handler = deps.handlers[name] as JobHandler<JobName>;
  return handler(context);
}
