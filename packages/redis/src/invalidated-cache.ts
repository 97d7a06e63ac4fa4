import type { Redis } from "ioredis";

/** A loaded value and the tags it depends on (e.g. `user:<id>`, `apiKey:<id>`). */
export interface Tagged<T> {
  value: T;
  tags: readonly string[];
}

/**
 * A per-process cache whose entries every process drops together: `invalidate(tags)` drops matching
 * entries here at once and publishes the tags, so every other process sharing the channel drops them
 * within a Redis round trip. Entries also expire after `ttlMs`, which bounds staleness if a message is
 * ever lost.
 */
export interface InvalidatedCache<T> {
  /**
   * The cached value of `key`, or `load()`'s — cached unless an invalidation arrived while it loaded
   * (the value may predate it), or the subscription is down (invalidations could be missed). A load that
   * returns `null` is not cached; one that throws propagates and is not cached.
   */
  get(key: string, load: () => Promise<Tagged<T> | null>): Promise<T | null>;
  /**
   * Drops every entry carrying any of `tags`, here and in every other process. Resolves once published;
   * never rejects: when Redis cannot take the message, every other process's subscription is down too,
   * so none of them serves from its cache (the failure goes to `onError`).
   */
  invalidate(tags: readonly string[]): Promise<void>;
  /** Unsubscribes; the caller closes the connections. */
  close(): Promise<void>;
}

/** Options of {@link createInvalidatedCache}. */
export interface CreateInvalidatedCacheOptions {
  /** A connection used only to subscribe (subscriber mode blocks other commands); the caller owns it. */
  subscriber: Redis;
  /** Any connection to publish on; the caller owns it. */
  publisher: Redis;
  /** The pub/sub channel, e.g. `<prefix>:invalidate:access`. */
  channel: string;
  ttlMs: number;
  /** Entries kept at most; the oldest go first. */
  maxEntries: number;
  onError?: (error: unknown) => void;
}

interface Entry<T> {
  value: T;
  tags: readonly string[];
  expiresAt: number;
}

/**
 * Builds the cache and subscribes. Resolves once the subscription is active, so no invalidation
 * published after it can be missed.
 */
export async function createInvalidatedCache<T>(
  options: CreateInvalidatedCacheOptions,
): Promise<InvalidatedCache<T>> {
  const { subscriber, publisher, channel, ttlMs, maxEntries } = options;
  const entries = new Map<string, Entry<T>>();
  // Bumped by every invalidation: a load that started before one must not store what it read.
  let generation = 0;
  let subscribed = false;

  function drop(tags: readonly string[]): void {
    generation += 1;
    const wanted = new Set(tags);
    for (const [key, entry] of entries) {
      if (entry.tags.some((tag) => wanted.has(tag))) entries.delete(key);
    }
  }

  const onMessage = (from: string, message: string) => {
    if (from !== channel) return;
    try {
      drop(JSON.parse(message) as string[]);
    } catch (error) {
      options.onError?.(error);
    }
  };
  // While the subscription is down, messages are lost: stop serving cached entries until it is back.
  const onDown = () => {
    subscribed = false;
    generation += 1;
    entries.clear();
  };
  // Back online: subscribe again (idempotent) before trusting the cache again.
  const onReady = () => {
    subscriber.subscribe(channel).then(
      () => {
        subscribed = true;
      },
      (error: unknown) => options.onError?.(error),
    );
  };
  subscriber.on("message", onMessage);
  subscriber.on("close", onDown);
  subscriber.on("ready", onReady);
  await subscriber.subscribe(channel);
  subscribed = true;

  return {
    async get(key, load) {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit !== undefined && hit.expiresAt > now && subscribed) return hit.value;
      if (hit !== undefined) entries.delete(key);
      const startedAt = generation;
      const loaded = await load();
      if (loaded === null) return null;
      if (startedAt === generation && subscribed) {
        if (entries.size >= maxEntries) {
          const oldest = entries.keys().next();
          if (!oldest.done) entries.delete(oldest.value);
        }
        entries.set(key, {
          value: loaded.value,
          tags: [...loaded.tags, `key:${key}`],
          expiresAt: now + ttlMs,
        });
      }
      return loaded.value;
    },

    async invalidate(tags) {
      if (tags.length === 0) return;
      drop(tags);
      await publisher
        .publish(channel, JSON.stringify(tags))
        .catch((error: unknown) => options.onError?.(error));
    },

    async close() {
      subscriber.off("message", onMessage);
      subscriber.off("close", onDown);
      subscriber.off("ready", onReady);
      entries.clear();
      await subscriber.unsubscribe(channel).catch(() => undefined);
    },
  };
}
