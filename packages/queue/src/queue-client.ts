import { type Database, getJobRun, insertJobRun } from "@vitae/db";
import { AppError } from "@vitae/errors";
import type { Logger } from "@vitae/logger";
import { createQueueTelemetry } from "@vitae/tracing/spans";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { z } from "zod";
import type { JobDefinition } from "./define-job";
import {
  type JobDefinitionOf,
  type JobName,
  jobDefinitions,
  type QueueName,
  queueNames,
} from "./job-definitions";
import { type JobStatusSnapshot, toJobStatusSnapshot } from "./job-status";
import { createRunOperator, type OperatedRun, type OperateRunOptions } from "./operate-runs";
import { createQueueEventsHub } from "./queue-events-hub";
import { createRunReconciler, type ReconcileOptions, type ReconcileResult } from "./reconcile-runs";
import { type WatchJobProgressOptions, watchJobProgressWith } from "./watch-job-progress";
import { withTimeout } from "./with-timeout";

/** Options for {@link createQueueClient}. */
export interface QueueClientOptions {
  db: Database;
  /** A `createRedis(url, { role: "producer" })` connection (fails fast). Owned by the caller. */
  redis: Redis;
  /** `REDIS_KEY_PREFIX`; BullMQ keys live under `<prefix>:bull`. */
  prefix: string;
  logger: Logger;
  /** Upper bound on each Redis operation (add, counts), so a Redis outage never stalls a request. Default 2000. */
  redisTimeoutMs?: number;
}

/** Any registered job definition (`jobDefinitions[name]`). */
export type RegisteredJob = JobDefinitionOf<JobName>;

/** Options for `enqueue`. */
export interface EnqueueOptions {
  /** The workspace the run belongs to; omitted for system jobs. */
  workspaceId?: string;
  /**
   * Use this id for the run (and so the BullMQ job), e.g. the id of the document the job works on.
   * Enqueueing the same id again is idempotent: the existing run is kept, re-queued if still `queued`,
   * and left alone once it has started or finished.
   */
  jobRunId?: string;
  /**
   * Writes that must commit with the run's row (e.g. the document now waiting for this run). Runs first,
   * in the same transaction as the insert; throwing aborts both and `enqueue` rethrows. The job reaches
   * Redis only after the commit, so no worker ever sees a run whose row is not there yet.
   */
  withinTransaction?: (tx: Database) => Promise<void>;
}

/**
 * The outcome of `enqueue`. The run exists in Postgres in both cases. `dispatched: false` means Redis
 * could not take the job right now: the row stays `queued` and the reconciler dispatches it once Redis
 * is back (within `RECONCILE_STUCK_AFTER_MS` + `RECONCILE_INTERVAL_MS`). Callers report the run as
 * queued either way; it is not an error.
 */
export interface EnqueueResult {
  jobRunId: string;
  dispatched: boolean;
}

/** Job counts of one queue, for the `queue_depth` gauge. */
export interface QueueDepth {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

/** The producer-side view of the job system, shared by the API and the worker's reconciler. */
export interface QueueClient {
  enqueue<Job extends RegisteredJob>(
    job: Job,
    payload: z.input<Job["schema"]>,
    options?: EnqueueOptions,
  ): Promise<EnqueueResult>;
  getJobStatus(jobRunId: string): Promise<JobStatusSnapshot>;
  watchJobProgress(jobRunId: string, options?: WatchJobProgressOptions): AsyncIterable<JobStatusSnapshot>;
  /**
   * Repairs stale runs: `queued` rows whose BullMQ job is missing or failed, and `running` rows whose job
   * failed, vanished or lost its lock (its worker died) are dispatched again while attempts remain, and
   * otherwise failed for good with their job's `onExhausted`. Stops at the first Redis/Postgres failure.
   */
  reconcileStaleJobs(options: ReconcileOptions): Promise<ReconcileResult>;
  /** The same repair for one run, at once: for the workers' `failed` listener. */
  settleJobRun(jobRunId: string): Promise<string>;
  /** Resolves once the `redis` connection can take commands (fail-fast connections refuse them before). */
  waitUntilReady(timeoutMs: number): Promise<void>;
  queueDepths(): Promise<Record<QueueName, QueueDepth>>;
  /**
   * For operators: hands a run waiting to be retried after a failed attempt to the queue now (same id and
   * attempt count). NOT_FOUND for no such run, CONFLICT unless it is `queued` with an error and attempts left.
   */
  retryFailedRun(jobRunId: string, options?: OperateRunOptions): Promise<OperatedRun>;
  /** For operators: fails such a run for good now, running its job's `onExhausted`. Same errors. */
  discardFailedRun(jobRunId: string, options?: OperateRunOptions): Promise<OperatedRun>;
  close(): Promise<void>;
}

/** The BullMQ key prefix for a `REDIS_KEY_PREFIX`; workers and producers must agree on it. */
export function bullPrefixFor(prefix: string): string {
  return `${prefix}:bull`;
}

function validatePayload(definition: JobDefinition, payload: unknown): unknown {
  const parsed = definition.schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  throw new AppError("JOB_PAYLOAD_INVALID", {
    cause: parsed.error,
    details: {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    },
  });
}

/**
 * Creates the producer client. Postgres is the system of record: `enqueue` commits the `job_runs` row
 * before anything reaches Redis and uses the row id as the BullMQ `jobId`, so a job is never lost to a
 * Redis outage and re-adding it (reconciler, retried request) never duplicates it.
 *
 * Guarantees: no method hangs on a Redis outage (each Redis step is bounded by `redisTimeoutMs`);
 * `close()` ends open watchers and closes the BullMQ objects it created but not the `redis` connection
 * or `db`, which the caller owns. Used by the API (enqueue, status, progress subscriptions) and the
 * worker (reconciler, queue depth metrics).
 */
export function createQueueClient(options: QueueClientOptions): QueueClient {
  const { db, redis, logger } = options;
  const bullPrefix = bullPrefixFor(options.prefix);
  const redisTimeoutMs = options.redisTimeoutMs ?? 2000;
  const queues = new Map<string, Queue>();
  const hub = createQueueEventsHub({ redis, bullPrefix, logger, timeoutMs: redisTimeoutMs });
  const closing = new AbortController();
  // Adding a job records a producer span whose context travels with the job to the worker.
  const telemetry = createQueueTelemetry();
  const reconciler = createRunReconciler({
    db,
    redis,
    logger,
    redisTimeoutMs,
    queueFor: (name) => queueFor(name),
    addToQueue: (definition, jobRunId, payload) => addToQueue(definition, jobRunId, payload),
  });

  const operator = createRunOperator({
    db,
    logger,
    redisTimeoutMs,
    queueFor: (name) => queueFor(name),
    addToQueue: (definition, jobRunId, payload) => addToQueue(definition, jobRunId, payload),
  });

  function queueFor(name: string): Queue {
    let queue = queues.get(name);
    if (queue === undefined) {
      queue = new Queue(name, { connection: redis, prefix: bullPrefix, telemetry });
      // The connection's owner reports outages; these duplicates only matter when debugging.
      queue.on("error", (error) => logger.debug({ err: error, queue: name }, "queue connection error"));
      queues.set(name, queue);
    }
    return queue;
  }

  async function addToQueue(definition: JobDefinition, jobRunId: string, payload: unknown): Promise<void> {
    const queue = queueFor(definition.queue);
    await withTimeout(
      queue.add(definition.name, payload, { ...definition.options, jobId: jobRunId }),
      redisTimeoutMs,
      "BullMQ add",
    );
  }

  async function readSnapshot(jobRunId: string): Promise<JobStatusSnapshot> {
    // getJobRun treats a malformed id as missing, so hostile ids give NOT_FOUND, not a 500.
    const row = await getJobRun(db, { id: jobRunId });
    if (row === undefined) throw new AppError("NOT_FOUND", { message: "Job not found." });
    return toJobStatusSnapshot(row);
  }

  return {
    async enqueue(job, payload, enqueueOptions = {}) {
      const definition: JobDefinition = job;
      const data = validatePayload(definition, payload);
      const insert = (database: Database) =>
        insertJobRun(database, {
          id: enqueueOptions.jobRunId,
          name: definition.name,
          queue: definition.queue,
          workspaceId: enqueueOptions.workspaceId ?? null,
          payload: data,
          maxAttempts: definition.options.attempts ?? 1,
        });
      const alongside = enqueueOptions.withinTransaction;
      const row =
        alongside === undefined
          ? await insert(db)
          : await db.transaction(async (tx) => {
              await alongside(tx);
              return insert(tx);
            });
      // A run that already started (an idempotent re-enqueue) is in a worker's hands; adding it again
      // could resurrect a job BullMQ has already removed after completion.
      if (row.status !== "queued") return { jobRunId: row.id, dispatched: true };
      try {
        await addToQueue(definition, row.id, data);
        return { jobRunId: row.id, dispatched: true };
      } catch (error) {
        logger.warn(
          { err: error, jobId: row.id, job: definition.name },
          "job saved but not queued; the reconciler will dispatch it",
        );
        return { jobRunId: row.id, dispatched: false };
      }
    },

    getJobStatus: readSnapshot,

    watchJobProgress(jobRunId, watchOptions = {}) {
      const signal =
        watchOptions.signal === undefined
          ? closing.signal
          : AbortSignal.any([watchOptions.signal, closing.signal]);
      return watchJobProgressWith(
        {
          readSnapshot,
          subscribe: (jobName, id, onEvent) => {
            const definition: JobDefinition | undefined = Object.hasOwn(jobDefinitions, jobName)
              ? jobDefinitions[jobName as JobName]
              : undefined;
            // A row of a job this build does not define has no stream to follow; polling still works.
            if (definition === undefined) return Promise.resolve(() => undefined);
            return hub.subscribe(definition.queue, id, onEvent);
          },
        },
        jobRunId,
        { ...watchOptions, signal },
      );
    },

    reconcileStaleJobs: (reconcileOptions) => reconciler.reconcileStaleJobs(reconcileOptions),
    settleJobRun: (jobRunId) => reconciler.settleJobRun(jobRunId),
    retryFailedRun: (jobRunId, operateOptions) => operator.retryFailedRun(jobRunId, operateOptions),
    discardFailedRun: (jobRunId, operateOptions) => operator.discardFailedRun(jobRunId, operateOptions),

    async waitUntilReady(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (redis.status !== "ready") {
        if (Date.now() >= deadline) {
          throw new AppError("SERVICE_UNAVAILABLE", { message: "The job queue (Redis) is not reachable." });
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },

    async queueDepths() {
      const entries = await Promise.all(
        queueNames.map(async (name) => {
          const counts = await withTimeout(
            queueFor(name).getJobCounts("waiting", "prioritized", "active", "delayed", "failed"),
            redisTimeoutMs,
            "queue counts",
          );
          const depth: QueueDepth = {
            waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
            active: counts.active ?? 0,
            delayed: counts.delayed ?? 0,
            failed: counts.failed ?? 0,
          };
          return [name, depth] as const;
        }),
      );
      return Object.fromEntries(entries) as Record<QueueName, QueueDepth>;
    },

    async close() {
      closing.abort();
      await hub.close();
      await Promise.all([...queues.values()].map((queue) => queue.close()));
      queues.clear();
    },
  };
}
