import {
  type LlmWorkspaceConfig,
  loadOrCreateSecret,
  resolveKeyEncryptionKeys,
  resolveObjectStoreSettings,
  type StorageConfig,
} from "@vitae/config";
import type { EmbeddedDatabaseEngine } from "@vitae/contracts";
import {
  countSealedWorkspaceLlmKeys,
  createDb,
  type DbHandle,
  getWorkspaceLlmProvider,
  insertLlmUsage,
  migrateDb,
  openEmbeddedDb,
  resealWorkspaceLlmKey,
} from "@vitae/db";
import { type RunningWorkers, startWorkers } from "@vitae/jobs";
import { createLlmClient, type LlmClient, type LlmClientConfig, type RecordUsage } from "@vitae/llm";
import {
  createKeyEnvelope,
  createWorkspaceLlm,
  type KeyEnvelope,
  type WorkspaceLlm,
} from "@vitae/llm/workspace";
import type { Logger } from "@vitae/logger";
import { pingRedis } from "@vitae/redis";
import { createObjectStore, type ObjectStore } from "@vitae/storage";
import { checkReadiness, type Metrics, type ReadinessReport } from "@vitae/telemetry";
import type { Redis } from "ioredis";
import { missingJobProcessFlags } from "./job-process-flags";

/** The settings the shared infrastructure needs; both apps' configs satisfy it. */
export type RuntimeConfig = StorageConfig &
  LlmClientConfig &
  LlmWorkspaceConfig & {
    isProduction: boolean;
    databaseUrl?: string | undefined;
    dataDir: string;
    /** Embedded mode's engine (`EMBEDDED_DATABASE`, default `auto`); ignored with `databaseUrl`. */
    embeddedDatabase?: EmbeddedDatabaseEngine;
    /** The embedded PostgreSQL server's port (`EMBEDDED_POSTGRES_PORT`, default 0 = a free one). */
    embeddedPostgresPort?: number;
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
  /** The deployment's LLM client (the default of every workspace). */
  readonly llm: LlmClient;
  /** The client of one workspace's calls: its own provider when it has one, else {@link Runtime.llm}. */
  readonly workspaceLlm: WorkspaceLlm;
  /**
   * Seals workspace API keys under `LLM_KEY_ENCRYPTION_KEY`; undefined in production without one (then
   * workspaces cannot store a key).
   */
  readonly keyEnvelope: KeyEnvelope | undefined;
  /** Starts every queue's worker and the reconciler (once); they stop with {@link Runtime.close}. */
  startWorkers(): Promise<RunningWorkers>;
  /** Postgres, Redis (the lent connection) and storage, each within `READINESS_TIMEOUT_MS`. */
  checkReadiness(): Promise<ReadinessReport<"postgres" | "redis" | "storage">>;
  /** Stops the workers (running jobs finish), then closes Postgres. Idempotent. */
  close(): Promise<void>;
}

/**
 * `DATABASE_URL` → a pool on that server. Without it, embedded mode's database under `DATA_DIR`: a
 * PostgreSQL server this process starts and stops (its superuser password generated once under
 * `DATA_DIR/secrets/postgres`), or PGlite where that cannot run (ADR 0015).
 */
async function openDatabase(config: RuntimeConfig, logger: Logger): Promise<DbHandle> {
  if (config.databaseUrl !== undefined && config.databaseUrl !== "") {
    return createDb({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolMax: config.databasePoolMax,
    });
  }
  const embedded = await openEmbeddedDb({
    dataDir: config.dataDir,
    engine: config.embeddedDatabase ?? "auto",
    port: config.embeddedPostgresPort ?? 0,
    password: () => loadOrCreateSecret({ dataDir: config.dataDir, name: "postgres" }),
    poolMax: config.databasePoolMax,
    log: logger.child({ component: "embedded-db" }),
  });
  return embedded.handle;
}

/**
 * The envelope sealing workspace LLM keys, or undefined (production without `LLM_KEY_ENCRYPTION_KEY`).
 * Refuses to start in that case when keys are already stored: they could never be opened, so every such
 * workspace would silently lose its provider.
 */
async function openKeyEnvelope(config: RuntimeConfig, db: DbHandle): Promise<KeyEnvelope | undefined> {
  const keys = await resolveKeyEncryptionKeys(config);
  if (keys !== undefined) return createKeyEnvelope(keys);
  const sealed = await countSealedWorkspaceLlmKeys(db.db);
  if (sealed > 0) {
    throw new Error(
      `LLM_KEY_ENCRYPTION_KEY is required: ${sealed} workspace(s) store an LLM provider key sealed under it`,
    );
  }
  return undefined;
}

/**
 * Opens Postgres (starting embedded mode's server first) and applies pending migrations (advisory-locked, so replicas may race), builds storage
 * and the LLM client. Rejects after closing what it opened when a dependency is unusable.
 */
export async function createRuntime(config: RuntimeConfig, options: RuntimeOptions): Promise<Runtime> {
  const { logger, metrics, redis } = options;
  const db = await openDatabase(config, logger);
  let storage: ObjectStore;
  try {
    await migrateDb(db);
    storage = createObjectStore(await resolveObjectStoreSettings(config));
  } catch (error) {
    await db.close();
    throw error;
  }
  const recordUsage: RecordUsage = async (entry) => {
    await insertLlmUsage(db.db, entry);
  };
  const llm = createLlmClient(config, { redis, prefix: config.redisKeyPrefix, recordUsage, logger, metrics });
  let keyEnvelope: KeyEnvelope | undefined;
  try {
    keyEnvelope = await openKeyEnvelope(config, db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const workspaceLlm = createWorkspaceLlm({
    global: llm,
    store: {
      load: (workspaceId) => getWorkspaceLlmProvider(db.db, { workspaceId }),
      reseal: (params) => resealWorkspaceLlmKey(db.db, params),
    },
    envelope: keyEnvelope,
    allowPrivateBaseUrls: config.llmAllowPrivateBaseUrls,
    timeoutMs: config.llmTimeoutMs,
    // No metrics registry: per-workspace breakers would overwrite the deployment's `llm_breaker_state`
    // series for the same host, and a label per workspace is unbounded. The ledger still records each call.
    // A cache prefix per workspace: two tenants on the same provider never share answers.
    createClient: (clientConfig, scope) =>
      createLlmClient(clientConfig, {
        redis,
        prefix: `${config.redisKeyPrefix}:ws:${scope.workspaceId}`,
        recordUsage,
        logger: logger.child({ workspaceId: scope.workspaceId }),
        fetch: scope.fetch,
      }),
    logger,
  });
  let workers: Promise<RunningWorkers> | undefined;
  let closing: Promise<void> | undefined;

  return {
    db,
    storage,
    llm,
    workspaceLlm,
    keyEnvelope,
    startWorkers() {
      const missing = missingJobProcessFlags();
      if (workers === undefined && missing.length > 0) {
        // Jobs still run; an import's peak memory is then V8's default young generation's (ADR 0018).
        logger.warn({ missing }, `jobs run without ${missing.join(" ")}: start this process with them`);
      }
      workers ??= startWorkers({
        db: db.db,
        storage,
        services: {
          llm,
          llmFor: (workspaceId) =>
            workspaceId === null ? Promise.resolve(llm) : workspaceLlm.forWorkspace(workspaceId),
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
