import type { Database } from "@vitae/db";
import type { Logger } from "@vitae/logger";
import type { QueueClient } from "@vitae/queue";
import type { DiskStore } from "@vitae/storage";
import type { Metrics, ReadinessReport } from "@vitae/telemetry";
import type { ApiConfig } from "./config";

/**
 * Everything procedures and routes may use, built once per process by `startApi` (or by a test).
 * Procedures reach infrastructure only through this object, never through module-level singletons.
 */
export interface ApiDependencies {
  config: ApiConfig;
  logger: Logger;
  metrics: Metrics;
  db: Database;
  queue: QueueClient;
  /** Checks Postgres, Redis and storage, each within READINESS_TIMEOUT_MS. Never rejects. */
  readiness: { check(): Promise<ReadinessReport<"postgres" | "redis" | "storage">> };
  /** Set when objects live on local disk: the API then serves their signed URLs itself. */
  diskStore: DiskStore | null;
  version: string;
  mode: "embedded" | "distributed";
  /** Aborted when shutdown begins; subscriptions and long procedures end on it. */
  shutdownSignal: AbortSignal;
}
