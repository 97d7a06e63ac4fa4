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
import { failRunForGood, interruptedRunMessage, isJobName, type JobName, jobDefinitions } from "@vitae/queue";
import type { UsageCounter } from "@vitae/ratelimit";
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
  usage: UsageCounter;
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
 * 4. records `succeeded` with the result, or the classified failure: retryable ones put the row back to
 *    `queued` while the row's attempts remain and rethrow so BullMQ schedules the retry with the job's
 *    backoff; permanent ones and the last attempt fail the run for good (with the job's `onExhausted`,
 *    in one transaction) and throw `UnrecoverableError`.
 * The row is always written before BullMQ learns the outcome, so watchers woken by a queue event read
 * the final state. Postgres's attempt count decides, not BullMQ's: when they disagree (deliveries lost
 * to an outage), the reconciler repairs the run. Periodic ticks (a job scheduler's jobs) have no row and
 * only run the handler.
 */
export function createJobProcessor(deps: ProcessJobDeps): JobProcessor {
  const { db, logger, metrics } = deps;

  return async (job, _token, signal) => {
    const jobRunId = job.id;
    if (jobRunId === undefined) throw new UnrecoverableError("BullMQ job without an id");
    const startedAt = performance.now();
    const observe = (run: Pick<JobRun, "queue" | "name">, outcome: JobOutcome): void => {
      metrics?.record({ queue: run.queue, name: run.name }, outcome, (performance.now() - startedAt) / 1000);
    };
    if (job.repeatJobKey !== undefined && isJobName(job.name) && jobDefinitions[job.name].schedule) {
      return runTick(deps, job, job.name, signal, observe);
    }

    let started: JobRun | undefined;
    try {
      started = await markJobRunRunning(db, { id: jobRunId });
    } catch (error) {
      // Postgres is unreachable: nothing was recorded, so BullMQ's retry (and, past its attempts, the
      // reconciler, which sees a queued row with a failed job) delivers the run again later.
      logger.warn({ err: error, jobId: jobRunId, job: job.name }, "could not start the run; will retry");
      throw error;
    }
    if (started === undefined) {
      const existing = await getJobRun(db, { id: jobRunId });
      if (existing === undefined) {
        logger.error({ jobId: jobRunId, job: job.name }, "job has no job_runs row; dropping it");
        throw new UnrecoverableError("No job_runs row for this job");
      }
      logger.info({ jobId: jobRunId, status: existing.status }, "job already finished; redelivery ignored");
      observe(existing, "skipped");
      return existing.result;
    }
    const row = started;

    const context = {
      jobId: jobRunId,
      ...(row.workspaceId === null ? {} : { workspaceId: row.workspaceId }),
    };
    // The logger's mixin adds the context's jobId/workspaceId to every line, including the handler's.
    return runWithLogContext(context, async () => {
      const fail = async (code: string, message: string, willRetry: boolean): Promise<void> => {
        if (willRetry)
          await failJobRun(db, { id: jobRunId, errorCode: code, errorMessage: message, willRetry });
        else await failRunForGood(db, { run: row, errorCode: code, errorMessage: message, logger });
        observe(row, willRetry ? "retried" : "failed");
      };

      // Deliveries beyond the run's attempts (each one whose worker died counted one) end the run instead.
      if (row.attempts > row.maxAttempts) {
        logger.warn({ job: row.name, attempt: row.attempts }, "run has no attempts left; failing it");
        await fail(row.errorCode ?? "INTERNAL", row.errorMessage ?? interruptedRunMessage, false);
        throw new UnrecoverableError("No attempts left");
      }
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
        const willRetry = classification.isRetryable && row.attempts < row.maxAttempts;
        logger.warn(
          { err: error, job: row.name, attempt: row.attempts, code: classification.code, willRetry },
          "job attempt failed",
        );
        await fail(classification.code, classification.message, willRetry);
        if (!willRetry) throw new UnrecoverableError(classification.message);
        throw error;
      }
    });
  };
}

/** One tick of a periodic job: the handler alone, no row (see `JobSchedule` in `@vitae/queue`). */
async function runTick(
  deps: ProcessJobDeps,
  job: Job,
  name: JobName,
  signal: AbortSignal | undefined,
  observe: (run: Pick<JobRun, "queue" | "name">, outcome: JobOutcome) => void,
): Promise<JsonValue> {
  const definition = jobDefinitions[name];
  const parsed = definition.schema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError("Job payload invalid");
  const context: JobContext<JobName> = {
    jobRunId: job.id ?? name,
    workspaceId: null,
    payload: parsed.data as JobContext<JobName>["payload"],
    attempt: job.attemptsMade + 1,
    db: deps.db,
    storage: deps.storage,
    services: deps.services,
    usage: deps.usage,
    logger: deps.logger,
    signal,
    async reportProgress(percent, message) {
      await job.updateProgress({ percent, message }).catch(() => undefined);
    },
  };
  try {
    const result = await (deps.handlers[name] as JobHandler<JobName>)(context);
    observe(definition, "completed");
    return result;
  } catch (error) {
    deps.logger.warn({ err: error, job: name }, "periodic job failed; the next tick tries again");
    observe(definition, "failed");
    throw error;
  }
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
    usage: deps.usage,
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
