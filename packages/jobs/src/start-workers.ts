import type { Database } from "@vitae/db";
import { AppError } from "@vitae/errors";
import type { Logger } from "@vitae/logger";
import { bullPrefixFor, createQueueClient, queueNames } from "@vitae/queue";
import { createRedis } from "@vitae/redis";
import type { ObjectStore } from "@vitae/storage";
import { Worker } from "bullmq";
import type { JobHandlerMap, JobServices } from "./handler-types";
import { jobHandlers } from "./job-handlers";
import { createJobMetrics, queueDepthCollector, type WorkerMetrics } from "./job-metrics";
import { startJobSchedules } from "./job-schedules";
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

/**
 * Starts one BullMQ Worker per queue in `@vitae/queue`'s registry, running the handler map, and the
 * stale-job reconciler. Resolves once every worker's connections are ready; rejects with
 * `AppError("SERVICE_UNAVAILABLE")` (after closing what it opened) when Redis is not reachable within
 * `readyTimeoutMs`, so a process fails at boot instead of reporting itself started while deaf. Used by `apps/worker` and by the API's embedded mode.
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
  const processor = createJobProcessor({
    db,
    storage,
    services: options.services,
    logger,
    handlers: options.handlers ?? jobHandlers,
    metrics,
  });
  const queueClient = createQueueClient({ db, redis: producerConnection, prefix, logger });

  const workers = queueNames.map((queueName) => {
    const worker = new Worker(queueName, processor, {
      connection: workerConnection,
      prefix: bullPrefixFor(prefix),
      concurrency: options.concurrency,
    });
    // Connection errors are also reported by the connection's own listener; these add the queue name.
    worker.on("error", (error) => logger.warn({ err: error, queue: queueName }, "worker error"));
    return worker;
  });

  async function closeAll(force = false): Promise<void> {
    await Promise.allSettled(workers.map((worker) => worker.close(force)));
    await queueClient.close();
    await Promise.allSettled([workerConnection.quit(), producerConnection.quit()]);
  }

  const readyTimeoutMs = options.readyTimeoutMs ?? 10_000;
  let readyTimer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.all(workers.map((worker) => worker.waitUntilReady())),
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

  const reconciler = startReconcileLoop({
    queueClient,
    redis: producerConnection,
    prefix,
    logger,
    intervalMs: options.reconcile.intervalMs,
    staleAfterMs: options.reconcile.staleAfterMs,
  });
  const schedules = await startJobSchedules({
    workerConnection,
    producerConnection,
    prefix,
    queueClient,
    logger,
  }).catch(async (error: unknown) => {
    await reconciler.stop();
    await closeAll(true);
    throw error;
  });
  options.metrics?.setQueueDepthCollector(queueDepthCollector(queueClient));
  logger.info({ queues: queueNames, concurrency: options.concurrency }, "workers started");

  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= (async () => {
        options.metrics?.setQueueDepthCollector(undefined);
        await reconciler.stop();
        await schedules.close();
        await closeAll();
        logger.info("workers stopped");
      })();
      return closing;
    },
  };
}
