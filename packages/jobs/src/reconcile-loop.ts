import { randomUUID } from "node:crypto";
import { once } from "node:events";
import type { Logger } from "@vitae/logger";
import type { QueueClient } from "@vitae/queue";
import type { createRedis } from "@vitae/redis";

type Redis = ReturnType<typeof createRedis>;

/** Options for {@link startReconcileLoop}. */
export interface ReconcileLoopOptions {
  queueClient: QueueClient;
  /** A fail-fast connection for the lease (`SET NX PX`). */
  redis: Redis;
  /** `REDIS_KEY_PREFIX`; the lease key is `<prefix>:lease:reconcile`. */
  prefix: string;
  logger: Logger;
  /** `RECONCILE_INTERVAL_MS`: time between passes and length of the lease. */
  intervalMs: number;
  /** `RECONCILE_STUCK_AFTER_MS`: how long a row may sit in `queued` before it is re-dispatched. */
  staleAfterMs: number;
}

/** A running reconciler. */
export interface ReconcileLoop {
  /** Stops scheduling and waits for a pass in progress; idempotent. */
  stop(): Promise<void>;
}

/**
 * Runs `reconcileStaleJobs` now and then every `intervalMs`, on at most one replica per interval.
 *
 * Choice: a timer plus a Redis lease rather than a BullMQ job scheduler — a scheduled BullMQ job would
 * itself be a job without a `job_runs` row (or create a row every 30 s), and the lease gives the same
 * "one replica per tick" with one `SET NX PX`. The lease is not released after a pass: it expires with
 * the interval, so the next pass runs wherever the next timer fires first, and a crashed holder delays
 * reconciliation by at most one interval. Two overlapping passes (a pass slower than the interval) are
 * harmless because re-adding a job with the same `jobId` is a no-op.
 */
export function startReconcileLoop(options: ReconcileLoopOptions): ReconcileLoop {
  const { queueClient, redis, logger, intervalMs, staleAfterMs } = options;
  const leaseKey = `${options.prefix}:lease:reconcile`;
  const holder = randomUUID();
  let timer: NodeJS.Timeout | undefined;
  let isStopped = false;
  const stopping = new AbortController();
  let current: Promise<void> = Promise.resolve();

  /**
   * A fail-fast connection refuses commands until its handshake completes ("Stream isn't writeable"):
   * a pass that starts with the process (or right after a reconnect) waits for it, up to one interval.
   */
  async function connectionReady(): Promise<void> {
    if (redis.status === "ready") return;
    await once(redis, "ready", {
      signal: AbortSignal.any([stopping.signal, AbortSignal.timeout(intervalMs)]),
    });
  }

  async function pass(): Promise<void> {
    try {
      await connectionReady();
      const acquired = await redis.set(leaseKey, holder, "PX", intervalMs, "NX");
      if (acquired !== "OK") return;
      const result = await queueClient.reconcileStaleJobs({ olderThanMs: staleAfterMs });
      if (result.scanned > 0) logger.info({ reconcile: result }, "reconciled stale queued jobs");
    } catch (error) {
      // Redis or Postgres is unavailable: readiness reports it; the next tick tries again.
      if (!isStopped) logger.warn({ err: error }, "reconcile pass failed");
    }
  }

  function schedule(delayMs: number): void {
    timer = setTimeout(() => {
      current = pass().finally(() => {
        if (!isStopped) schedule(intervalMs);
      });
    }, delayMs);
  }

  schedule(0);
  return {
    async stop() {
      isStopped = true;
      stopping.abort();
      clearTimeout(timer);
      await current;
    },
  };
}
