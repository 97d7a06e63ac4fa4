import { z } from "zod";
import { envInteger } from "./env-fields";
import type { ConfigSchema } from "./load-config";

/** The job worker's throughput, health endpoint and stale-job reconciliation. */
export interface WorkerConfig {
  /** `WORKER_CONCURRENCY` (default 4): jobs processed in parallel per queue. */
  workerConcurrency: number;
  /** `WORKER_HEALTH_PORT` (default 3001): the worker's /healthz, /readyz and /metrics listener. */
  workerHealthPort: number;
  /** `RECONCILE_INTERVAL_MS` (default 30000): how often stale job rows are re-checked. */
  reconcileIntervalMs: number;
  /** `RECONCILE_STUCK_AFTER_MS` (default 60000): age after which a queued row counts as stuck. */
  reconcileStuckAfterMs: number;
}

/** `WORKER_CONCURRENCY`, `WORKER_HEALTH_PORT`, `RECONCILE_INTERVAL_MS`, `RECONCILE_STUCK_AFTER_MS`. */
export function workerConfig(): ConfigSchema<WorkerConfig> {
  return z
    .object({
      WORKER_CONCURRENCY: envInteger({ min: 1, max: 1000 }).default(4),
      WORKER_HEALTH_PORT: envInteger({ min: 1, max: 65_535 }).default(3001),
      RECONCILE_INTERVAL_MS: envInteger({ min: 100, max: 86_400_000 }).default(30_000),
      RECONCILE_STUCK_AFTER_MS: envInteger({ min: 100, max: 86_400_000 }).default(60_000),
    })
    .transform((env) => ({
      workerConcurrency: env.WORKER_CONCURRENCY,
      workerHealthPort: env.WORKER_HEALTH_PORT,
      reconcileIntervalMs: env.RECONCILE_INTERVAL_MS,
      reconcileStuckAfterMs: env.RECONCILE_STUCK_AFTER_MS,
    }));
}
