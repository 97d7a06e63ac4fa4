import { createLogger, type Logger } from "@vitae/logger";
import { createRedis } from "@vitae/redis";
import { createRuntime, type Runtime } from "@vitae/runtime";
import { createMetrics, type Metrics } from "@vitae/telemetry";
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
  readinessRedis?: ReturnType<typeof createRedis>;
  runtime?: Runtime;
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
    await resources.runtime?.close();
    await resources.health?.close();
    await resources.readinessRedis?.quit().catch(() => resources.readinessRedis?.disconnect());
  }

  return {
    logger,
    metrics,

    async start() {
      try {
        // The client connection serves readiness pings and the LLM response cache.
        resources.readinessRedis = createRedis(config.redisUrl, {
          role: "client",
          name: `${config.redisKeyPrefix}:worker-health`,
        });
        const runtime = await createRuntime(config, { logger, metrics, redis: resources.readinessRedis });
        resources.runtime = runtime;
        await runtime.startWorkers();
        resources.health = await startHealthServer({
          host: config.host,
          port: config.workerHealthPort,
          checkReadiness: () => runtime.checkReadiness(),
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
      logger.info(
        { healthPort: resources.health.port, storage: resources.runtime.storage.kind },
        "worker started",
      );
      return { healthPort: resources.health.port };
    },

    stop() {
      stopping ??= release().then(() => logger.info("worker stopped"));
      return stopping;
    },
  };
}
