import type { Logger } from "@vitae/logger";
import { QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import { withTimeout } from "./with-timeout";

/** Events after which a job's row may have changed; each only wakes watchers, who re-read the row. */
const wakingEvents = ["active", "progress", "completed", "failed", "delayed", "waiting"] as const;

/** Options for {@link createQueueEventsHub}. */
export interface QueueEventsHubOptions {
  /** The producer connection; the hub derives its blocking connections from it. */
  redis: Redis;
  /** The BullMQ prefix (`<REDIS_KEY_PREFIX>:bull`). */
  bullPrefix: string;
  logger: Logger;
  timeoutMs: number;
}

/** Per-queue BullMQ event streams shared by every watcher of the client. */
export interface QueueEventsHub {
  /** Routes events of `jobId` on `queue` to `onEvent`; resolves to its unsubscribe. Never rejects. */
  subscribe(queue: string, jobId: string, onEvent: () => void): Promise<() => void>;
  close(): Promise<void>;
}

interface QueueStream {
  events: QueueEvents;
  connection: Redis;
  listeners: Map<string, Set<() => void>>;
}

/**
 * One `QueueEvents` (one blocking Redis connection) per queue, opened on first use and shared by all
 * watchers, rather than one per watcher — a busy API would otherwise open a connection per open page.
 *
 * The stream starts reading from a second before the Redis server's current time (not from `$`), so
 * events emitted between the first subscription and the first blocking `XREAD` are delivered too.
 * When Redis is unreachable the subscription is empty and the next subscriber tries again.
 */
export function createQueueEventsHub(options: QueueEventsHubOptions): QueueEventsHub {
  const { redis, bullPrefix, logger, timeoutMs } = options;
  const streams = new Map<string, Promise<QueueStream | undefined>>();

  async function open(queue: string): Promise<QueueStream | undefined> {
    try {
      const [seconds, microseconds] = await withTimeout(redis.time(), timeoutMs, "Redis TIME");
      const nowMs = Number(seconds) * 1000 + Math.floor(Number(microseconds) / 1000);
      // Blocking XREAD needs a connection that waits across reconnects. `lazyConnect` keeps this template
      // itself from ever connecting: BullMQ duplicates it into the connection it owns.
      const connection = redis.duplicate({
        maxRetriesPerRequest: null,
        enableOfflineQueue: true,
        lazyConnect: true,
      });
      const events = new QueueEvents(queue, {
        connection,
        prefix: bullPrefix,
        lastEventId: `${nowMs - 1000}-0`,
      });
      events.on("error", (error) => logger.debug({ err: error, queue }, "queue events connection error"));
      const listeners = new Map<string, Set<() => void>>();
      for (const name of wakingEvents) {
        events.on(name, ({ jobId }: { jobId: string }) => {
          for (const listener of listeners.get(jobId) ?? []) listener();
        });
      }
      return { events, connection, listeners };
    } catch (error) {
      logger.warn({ err: error, queue }, "queue events unavailable; progress watchers fall back to polling");
      streams.delete(queue);
      return undefined;
    }
  }

  return {
    async subscribe(queue, jobId, onEvent) {
      let pending = streams.get(queue);
      if (pending === undefined) {
        pending = open(queue);
        streams.set(queue, pending);
      }
      const stream = await pending;
      if (stream === undefined) return () => undefined;
      let set = stream.listeners.get(jobId);
      if (set === undefined) {
        set = new Set();
        stream.listeners.set(jobId, set);
      }
      set.add(onEvent);
      return () => {
        const current = stream.listeners.get(jobId);
        current?.delete(onEvent);
        if (current?.size === 0) stream.listeners.delete(jobId);
      };
    },

    async close() {
      const opened = await Promise.all(streams.values());
      streams.clear();
      await Promise.all(
        opened.map(async (stream) => {
          if (stream === undefined) return;
          stream.listeners.clear();
          await stream.events.close();
          stream.connection.disconnect();
        }),
      );
    },
  };
}
