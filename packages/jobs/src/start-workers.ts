import { type Database, getWorkspaceUsage, incrementWorkspaceUsage } from "@vitae/db";
import { createExtractionPool } from "@vitae/documents";
import { AppError } from "@vitae/errors";
import type { Logger } from "@vitae/logger";
import { bullPrefixFor, createQueueClient, jobDefinitions, queueNames } from "@vitae/queue";
import { createUsageCounter } from "@vitae/ratelimit";
import { createRedis } from "@vitae/redis";
import type { ObjectStore } from "@vitae/storage";
import { createQueueTelemetry } from "@vitae/tracing/spans";
import { Queue, Worker, type WorkerOptions } from "bullmq";
import type { JobHandlerMap, JobServices } from "./handler-types";
import { sweepAbandonedExportScratch } from "./handlers/export-scratch";
import { jobHandlers } from "./job-handlers";
import {
  createJobMetrics,
  jobRunBacklogCollector,
  queueDepthCollector,
  type WorkerMetrics,
} from "./job-metrics";
import { createJobProcessor } from "./process-job";
import { startReconcileLoop } from "./reconcile-loop";

/** Options for {@link startWorkers}. */
export interface StartWorkersOptions {
  db: Database;
  storage: ObjectStore;
  /** The LLM client and extraction limits handlers use. */
  services: JobServices;
  /** `REDIS_URL`; the workers open their own connections (worker role for BullMQ, producer role for the reconciler). */
  redisUrl: string;
  /** `REDIS_KEY_PREFIX`; must match the producers' (`createQueueClient`). */
  prefix: string;
  logger: Logger;
  /**
   * When given (`createMetrics({ service: "worker" })`), jobs are counted in `jobs_total` and timed in
   * `job_duration_seconds`, and `queue_depth` is read from Redis at scrape time.
   */
  metrics?: WorkerMetrics | undefined;
  /** `WORKER_CONCURRENCY`: jobs run in parallel per queue by this process. */
  concurrency: number;
  reconcile: {
    /** `RECONCILE_INTERVAL_MS`. */
    intervalMs: number;
    /** `RECONCILE_STUCK_AFTER_MS`. */
    staleAfterMs: number;
  };
  /** Overrides the handler map; defaults to {@link jobHandlers}. For embedding and tests. */
  handlers?: JobHandlerMap;
  /** How long to wait for Redis at startup before giving up. Default 10000 ms. */
  readyTimeoutMs?: number;
  /**
   * BullMQ's stall detection: how long a job's lock lasts without renewal and how often workers look for
   * jobs whose lock expired (their worker died). Defaults are BullMQ's (30 s each); tests shorten them.
   */
  stall?: Pick<WorkerOptions, "lockDuration" | "stalledInterval" | "maxStalledCount">;
}

/** Running workers. */
export interface RunningWorkers {
  /**
   * Stops taking new jobs, waits for the jobs in progress to finish (BullMQ `Worker.close()`), then closes
   * the reconciler and every Redis connection it opened. `db` and `storage` stay open (the caller owns
   * them). Idempotent. Callers bound it with their shutdown timeout.
   */
  close(): Promise<void>;
}

/** Far longer than any export writes without touching its files: only a dead run's are this old. */
const abandonedScratchAfterMs = 6 * 60 * 60 * 1000;

/**
 * Starts one BullMQ Worker per queue in `@vitae/queue`'s registry, running the handler map, and the
 * stale-job reconciler. Resolves once every worker's connections are ready; rejects with
 * `AppError("SERVICE_UNAVAILABLE")` (after closing what it opened) when Redis is not reachable within
 * `readyTimeoutMs`, so a process fails at boot instead of reporting itself started while deaf. Also removes, in the
 * background, export scratch directories a killed worker left on this machine. Used by `apps/worker` and
 * by the API's embedded mode.
 */
export async function startWorkers(options: StartWorkersOptions): Promise<RunningWorkers> {
  const { db, storage, logger, prefix } = options;
  const onError = (error: Error): void => logger.warn({ err: error }, "redis connection error");
  const workerConnection = createRedis(options.redisUrl, {
    role: "worker",
    name: `${prefix}:worker`,
    onError,
  });
  const producerConnection = createRedis(options.redisUrl, {
    role: "producer",
    name: `${prefix}:reconciler`,
    onError,
  });
  const metrics = options.metrics === undefined ? undefined : createJobMetrics(options.metrics);
  // A worker killed mid-export leaves that run's scratch files; the next start on the machine removes
  // them. In the background: a slow temporary folder must not hold up the workers.
  sweepAbandonedExportScratch({ olderThanMs: abandonedScratchAfterMs }).then(
    (removed) => {
      if (removed > 0) logger.info({ removed }, "removed abandoned export scratch directories");
    },
    (error: unknown) => logger.warn({ err: error }, "could not sweep export scratch directories"),
  );
  const usage = createUsageCounter({
    redis: producerConnection,
    prefix,
    store: {
      increment: (workspaceId, period, delta) =>
        incrementWorkspaceUsage(db, { workspaceId, period, ...delta }),
      get: (workspaceId, period) => getWorkspaceUsage(db, { workspaceId, period }),
    },
    logger,
  });
  // Extraction children are reused across documents (their start is most of a short résumé's CPU);
  // one idle child per job slot. Closed after the workers have drained.
  const extractionPool = createExtractionPool({ size: options.concurrency });
  const processor = createJobProcessor({
    db,
    storage,
    services: { ...options.services, extraction: { ...options.services.extraction, pool: extractionPool } },
    usage,
    logger,
    handlers: options.handlers ?? jobHandlers,
    metrics,
  });
  const queueClient = createQueueClient({ db, redis: producerConnection, prefix, logger });

  // Repairs started by BullMQ failure events; close() waits for them before closing the queue client.
  const settling = new Set<Promise<void>>();
  function settle(jobId: string, queueName: string): void {
    const repair = queueClient.settleJobRun(jobId).then(
      (outcome) => {
        if (outcome === "dispatched" || outcome === "exhausted") {
          logger.warn({ jobId, queue: queueName, outcome }, "run repaired after BullMQ failed its job");
        }
      },
      // Postgres or Redis is down: the reconciler repairs the run once they are back.
      (error: unknown) =>
        logger.warn({ err: error, jobId }, "could not settle a failed job; reconciler will"),
    );
    settling.add(repair);
    void repair.finally(() => settling.delete(repair));
  }

  // Each job is processed inside a consumer span that continues the trace of the request that added it.
  const telemetry = createQueueTelemetry();
  const workers = queueNames.map((queueName) => {
    const worker = new Worker(queueName, processor, {
      ...options.stall,
      telemetry,
      connection: workerConnection,
      prefix: bullPrefixFor(prefix),
      concurrency: options.concurrency,
    });
    // Connection errors are also reported by the connection's own listener; these add the queue name.
    worker.on("error", (error) => logger.warn({ err: error, queue: queueName }, "worker error"));
    // BullMQ fails a job that stalled too often without calling the processor, so the row would never
    // learn of it; every failure is checked against the row (a no-op when the processor recorded it).
    worker.on("failed", (job) => {
      if (job?.id !== undefined && job.repeatJobKey === undefined) settle(job.id, queueName);
    });
    worker.on("stalled", (jobId) => {
      logger.warn({ jobId, queue: queueName }, "job stalled (its worker stopped); BullMQ delivers it again");
    });
    return worker;
  });

  async function closeAll(force = false, beforeDisconnect?: () => Promise<void>): Promise<void> {
    await Promise.allSettled(workers.map((worker) => worker.close(force)));
    await Promise.allSettled([...settling]);
    await beforeDisconnect?.();
    await queueClient.close();
    await Promise.allSettled([workerConnection.quit(), producerConnection.quit(), extractionPool.close()]);
  }

  const readyTimeoutMs = options.readyTimeoutMs ?? 10_000;
  let readyTimer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      // The reconciler's fail-fast connection too: its first pass must not find it still connecting.
      Promise.all([
        ...workers.map((worker) => worker.waitUntilReady()),
        queueClient.waitUntilReady(readyTimeoutMs),
      ]),
      new Promise<never>((_, reject) => {
        readyTimer = setTimeout(
          () => reject(new Error(`Redis not ready within ${readyTimeoutMs} ms`)),
          readyTimeoutMs,
        );
      }),
    ]);
  } catch (error) {
    // Nothing has run yet, so there is nothing to drain.
    await closeAll(true);
    throw new AppError("SERVICE_UNAVAILABLE", {
      message: "The job queue (Redis) is not reachable.",
      cause: error,
    });
  } finally {
    clearTimeout(readyTimer);
  }

  await upsertSchedules(producerConnection, prefix).catch((error: unknown) => {
    // The schedules live in Redis; another worker's (or this one's next) start registers them.
    logger.warn({ err: error }, "could not register periodic jobs");
  });
  const reconciler = startReconcileLoop({
    queueClient,
    redis: producerConnection,
    prefix,
    logger,
    intervalMs: options.reconcile.intervalMs,
    staleAfterMs: options.reconcile.staleAfterMs,
  });
  options.metrics?.setQueueDepthCollector(queueDepthCollector(queueClient));
  options.metrics?.setJobRunBacklogCollector(jobRunBacklogCollector(db));
  logger.info({ queues: queueNames, concurrency: options.concurrency }, "workers started");

  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= (async () => {
        options.metrics?.setQueueDepthCollector(undefined);
        options.metrics?.setJobRunBacklogCollector(undefined);
        await reconciler.stop();
        await closeAll(false, async () => {
          // What the API counted since the last tick reaches Postgres before this worker goes.
          await usage
            .flush()
            .catch((error: unknown) => logger.warn({ err: error }, "final usage flush failed"));
        });
        logger.info("workers stopped");
      })();
      return closing;
    },
  };
}

/**
 * Registers every periodic job (`schedule` in its definition) as a BullMQ job scheduler. Upserting is
 * idempotent, so every worker does it at start and one schedule exists per prefix however many run.
 */
async function upsertSchedules(connection: ReturnType<typeof createRedis>, prefix: string): Promise<void> {
  for (const definition of Object.values(jobDefinitions)) {
    if (definition.schedule === undefined) continue;
    const queue = new Queue(definition.queue, { connection, prefix: bullPrefixFor(prefix) });
    try {
      await queue.upsertJobScheduler(
        definition.name,
        { every: definition.schedule.everyMs },
        { name: definition.name, data: {}, opts: definition.options },
      );
    } finally {
      await queue.close();
    }
  }
}
