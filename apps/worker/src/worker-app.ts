import { resolveObjectStoreSettings } from "@vitae/config";
import { createDb, type DbHandle, insertLlmUsage, migrateDb } from "@vitae/db";
import { type RunningWorkers, startWorkers } from "@vitae/jobs";
import { createLlmClient } from "@vitae/llm";
import { createLogger, type Logger } from "@vitae/logger";
import { createRedis, pingRedis } from "@vitae/redis";
import { createObjectStore, type ObjectStore } from "@vitae/storage";
import { checkReadiness, createMetrics, type Metrics, type ReadinessReport } from "@vitae/telemetry";
import type { WorkerAppConfig } from "./config";
import { type HealthServer, startHealthServer } from "./health-server";

/** Options for {@link createWorkerApp}. */
export interface WorkerAppOptions {
  /** Replaces the logger built from `LOG_LEVEL`/`LOG_FORMAT` (tests capture or silence it). */
  logger?: Logger;
}

/** The worker process without the process: what `main.ts` runs and tests drive directly. */
export interface WorkerApp {
  readonly logger: Logger;
  readonly metrics: Metrics;
  /**
   * Opens Postgres and applies pending migrations, builds storage, starts the job workers and the
   * reconciler, then the health server. Rejects (after releasing whatever it opened) when a dependency
   * is unusable, e.g. `AppError("SERVICE_UNAVAILABLE")` when Redis is unreachable. Call once.
   */
  start(): Promise<{ healthPort: number }>;
  /**
   * Graceful stop: `/readyz` turns 503, workers stop taking jobs and the running ones finish, then the
   * health server, Redis and Postgres connections close. Idempotent; not time-bounded (the caller
   * applies `SHUTDOWN_TIMEOUT_MS`).
   */
  stop(): Promise<void>;
}

/** Opened resources in start order, released in reverse by `stop()` or a failed `start()`. */
interface Resources {
  db?: DbHandle;
  storage?: ObjectStore;
  readinessRedis?: ReturnType<typeof createRedis>;
  workers?: RunningWorkers;
  health?: HealthServer;
}

/** Builds the worker from a validated config (`loadWorkerConfig`); nothing is opened until `start()`. */
export function createWorkerApp(config: WorkerAppConfig, options: WorkerAppOptions = {}): WorkerApp {
  const logger =
    options.logger ?? createLogger({ level: config.logLevel, format: config.logFormat, name: "worker" });
  const metrics = createMetrics({ service: "worker" });
  const resources: Resources = {};
  let stopping: Promise<void> | undefined;

  async function release(): Promise<void> {
    resources.health?.markDraining();
    await resources.workers?.close();
    await resources.health?.close();
    await resources.readinessRedis?.quit().catch(() => resources.readinessRedis?.disconnect());
    await resources.db?.close();
  }

  async function readiness(): Promise<ReadinessReport> {
    const { db, readinessRedis, storage } = resources;
    const report = await checkReadiness(
      {
        postgres: (timeoutMs) => db?.ping(timeoutMs) ?? Promise.reject(new Error("not started")),
        redis: (timeoutMs) =>
          readinessRedis === undefined
            ? Promise.reject(new Error("not started"))
            : pingRedis(readinessRedis, timeoutMs),
        storage: (timeoutMs) => storage?.ping(timeoutMs) ?? Promise.reject(new Error("not started")),
      },
      { timeoutMs: config.readinessTimeoutMs, metrics },
    );
    return report;
  }

  return {
    logger,
    metrics,

    async start() {
      try {
        resources.db = createDb({
          databaseUrl: config.databaseUrl,
          dataDir: config.dataDir,
          poolMax: config.databasePoolMax,
        });
        await migrateDb(resources.db);
        resources.storage = createObjectStore(await resolveObjectStoreSettings(config));
        resources.readinessRedis = createRedis(config.redisUrl, {
          role: "client",
          name: `${config.redisKeyPrefix}:worker-health`,
        });
        const db = resources.db.db;
        // The client connection serves readiness pings and the LLM response cache.
        const llm = createLlmClient(config, {
          redis: resources.readinessRedis,
          prefix: config.redisKeyPrefix,
          recordUsage: async (entry) => {
            await insertLlmUsage(db, entry);
          },
          logger,
          metrics,
        });
        resources.workers = await startWorkers({
          db,
          storage: resources.storage,
          services: {
            llm,
            extraction: { timeoutMs: config.extractionTimeoutMs, maxMemoryMb: config.extractionMaxMemoryMb },
          },
          redisUrl: config.redisUrl,
          prefix: config.redisKeyPrefix,
          logger,
          metrics,
          concurrency: config.workerConcurrency,
          reconcile: { intervalMs: config.reconcileIntervalMs, staleAfterMs: config.reconcileStuckAfterMs },
        });
        resources.health = await startHealthServer({
          host: config.host,
          port: config.workerHealthPort,
          checkReadiness: readiness,
          registry: metrics.registry,
          metricsToken: config.metricsToken,
          logger,
        });
      } catch (error) {
        await release().catch((releaseError: unknown) => {
          logger.error({ err: releaseError }, "cleanup after failed start failed");
        });
        throw error;
      }
      logger.info({ healthPort: resources.health.port, storage: resources.storage.kind }, "worker started");
      return { healthPort: resources.health.port };
    },

    stop() {
      stopping ??= release().then(() => logger.info("worker stopped"));
      return stopping;
    },
  };
}
