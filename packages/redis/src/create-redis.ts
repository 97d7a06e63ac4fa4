import { Redis, type RedisOptions } from "ioredis";
import { traceCommands } from "./traced-commands";

/**
 * What a connection is for; each role gets the options its users need.
 * - `worker`: BullMQ `Worker` / `QueueEvents` (blocking commands) — commands wait across reconnects.
 * - `producer`: BullMQ `Queue` in request paths — commands fail fast while Redis is down.
 * - `client`: general commands (rate limiting, caching, readiness) — fail fast, auto-pipelined.
 */
export type RedisRole = "client" | "producer" | "worker";

/** Options for {@link createRedis}. */
export interface CreateRedisOptions {
  role: RedisRole;
  /** Sent as `CLIENT SETNAME`, so `CLIENT LIST` shows which service holds a connection. */
  name?: string;
  /**
   * Receives every connection error (refused, reset, auth…). ioredis reports them as `'error'` events;
   * a listener is always attached so they never surface as unhandled. Typically `logger.warn`.
   */
  onError?: (error: Error) => void;
}

/** Longest pause between reconnect attempts: short enough that readiness recovers within seconds. */
export const maxReconnectDelayMs = 2000;

/** Kept short so a producer/client reports "unavailable" quickly instead of stalling a request. */
const failFastConnectTimeoutMs = 2000;

/**
 * Exponential backoff (100 ms doubling) capped at {@link maxReconnectDelayMs}, with jitter so replicas do
 * not reconnect in lockstep. Never returns null: giving up would leave the process unready forever.
 */
function reconnectDelay(attempt: number): number {
  const exponential = 100 * 2 ** Math.min(attempt, 10);
  const capped = Math.min(exponential, maxReconnectDelayMs);
  return Math.round(capped / 2 + (Math.random() * capped) / 2);
}

function roleOptions(role: RedisRole): RedisOptions {
  switch (role) {
    case "worker":
      // BullMQ refuses worker connections that give up on commands; auto-pipelining costs its throughput.
      return { maxRetriesPerRequest: null, enableOfflineQueue: true, enableAutoPipelining: false };
    case "producer":
      return {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        enableAutoPipelining: false,
        connectTimeout: failFastConnectTimeoutMs,
      };
    case "client":
      return {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        // Many small independent commands per request (rate limits, cache reads) batch well.
        enableAutoPipelining: true,
        connectTimeout: failFastConnectTimeoutMs,
      };
  }
}

/**
 * Opens an ioredis connection to `url` configured for `role` (see {@link RedisRole}).
 *
 * Guarantees: the connection reconnects in the background forever with capped backoff, so health
 * recovers without a restart; `'error'` events never crash the process (they go to `onError`, or are
 * dropped when none is given — readiness probes via `pingRedis` report the outage instead). The caller
 * owns the connection and must `quit()` it on shutdown. Called by app composition roots and `@vitae/queue`.
 *
 * Fail-fast roles reject commands issued before the first connection is ready (no offline queue) —
 * BullMQ waits for `ready` itself; other callers await `once(redis, "ready")` or poll `pingRedis` at startup.
 */
export function createRedis(url: string, options: CreateRedisOptions): Redis {
  const redis = new Redis(url, {
    ...roleOptions(options.role),
    retryStrategy: reconnectDelay,
    ...(options.name === undefined ? {} : { connectionName: options.name }),
  });
  const onError = options.onError;
  redis.on("error", (error: Error) => {
    onError?.(error);
  });
  traceCommands(redis);
  return redis;
}
