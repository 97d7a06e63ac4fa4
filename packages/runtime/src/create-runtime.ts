import { resolveObjectStoreSettings, type StorageConfig } from "@vitae/config";
import { createDb, type DbHandle, insertLlmUsage, migrateDb } from "@vitae/db";
import { type RunningWorkers, startWorkers } from "@vitae/jobs";
import { createLlmClient, type LlmClient, type LlmClientConfig } from "@vitae/llm";
import type { Logger } from "@vitae/logger";
import { pingRedis } from "@vitae/redis";
import { createObjectStore, type ObjectStore } from "@vitae/storage";
import { checkReadiness, type Metrics, type ReadinessReport } from "@vitae/telemetry";
import type { Redis } from "ioredis";

/** The settings the shared infrastructure needs; both apps' configs satisfy it. */
export type RuntimeConfig = StorageConfig &
  LlmClientConfig & {
    databaseUrl?: string | undefined;
    dataDir: string;
    publicUrl: string;
    databasePoolMax: number;
    redisUrl: string;
    redisKeyPrefix: string;
    readinessTimeoutMs: number;
    extractionTimeoutMs: number;
    extractionMaxMemoryMb: number;
    workerConcurrency: number;
    reconcileIntervalMs: number;
    reconcileStuckAfterMs: number;
  };

/** What the caller already owns and lends to the runtime. */
export interface RuntimeOptions {
  logger: Logger;
  metrics: Metrics;
  /**
   * A `client`-role connection (fail fast) for the LLM response cache and readiness pings. The caller
   * opens and closes it; the runtime only borrows it.
   */
  redis: Redis;
}

/**
 * The infrastructure the API and the worker run on, wired once: Postgres (migrated), object storage, the
 * LLM client with its usage ledger, the BullMQ workers with the job services, and readiness over all of
 * them. Each process composes it with what is its own (the HTTP server, the health server).
 */
export interface Runtime {
  readonly db: DbHandle;
  readonly storage: ObjectStore;
  readonly llm: LlmClient;
  /** Starts every queue's worker and the reconciler (once); they stop with {@link Runtime.close}. */
  startWorkers(): Promise<RunningWorkers>;
  /** Postgres, Redis (the lent connection) and storage, each within `READINESS_TIMEOUT_MS`. */
  checkReadiness(): Promise<ReadinessReport<"postgres" | "redis" | "storage">>;
  /** Stops the workers (running jobs finish), then closes Postgres. Idempotent. */
  close(): Promise<void>;
}

/**
 * Opens Postgres and applies pending migrations (advisory-locked, so replicas may race), builds storage
 * and the LLM client. Rejects after closing what it opened when a dependency is unusable.
 */
export async function createRuntime(config: RuntimeConfig, options: RuntimeOptions): Promise<Runtime> {
  const { logger, metrics, redis } = options;
  const db = createDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: config.databasePoolMax,
  });
  let storage: ObjectStore;
  try {
    await migrateDb(db);
    storage = createObjectStore(await resolveObjectStoreSettings(config));
  } catch (error) {
    await db.close();
    throw error;
  }
  const llm = createLlmClient(config, {
    redis,
    prefix: config.redisKeyPrefix,
    recordUsage: async (entry) => {
      await insertLlmUsage(db.db, entry);
    },
    logger,
    metrics,
  });
  let workers: Promise<RunningWorkers> | undefined;
  let closing: Promise<void> | undefined;

  return {
    db,
    storage,
    llm,
    startWorkers() {
      workers ??= startWorkers({
        db: db.db,
        storage,
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
      return workers;
    },
    checkReadiness() {
      return checkReadiness(
        {
          postgres: (timeoutMs) => db.ping(timeoutMs),
          redis: (timeoutMs) => pingRedis(redis, timeoutMs),
          storage: (timeoutMs) => storage.ping(timeoutMs),
        },
        { timeoutMs: config.readinessTimeoutMs, metrics },
      );
    },
    close() {
      closing ??= (async () => {
        const running = await workers?.catch(() => undefined);
        await running?.close();
        await db.close();
      })();
      return closing;
    },
  };
}
