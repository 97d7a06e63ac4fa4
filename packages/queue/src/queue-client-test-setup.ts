import { once } from "node:events";
import { jobRuns } from "@vitae/db";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { createLogger } from "@vitae/logger";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getClosedPort, getTestRedisUrl } from "@vitae/redis/testing";
import { Queue } from "bullmq";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { bullPrefixFor, createQueueClient, type QueueClient } from "./queue-client";

export const logger = createLogger({ level: "silent", format: "json", name: "queue-test" });
export const workspaceId = "6f1c1d1e-8a43-4f43-9a0e-2b0c6f0f7a11";

/**
 * Setup shared by the queue-client integration files (test-only; not in the package's exports): one
 * database for the file and, for each test, a fresh Redis prefix, producer, client and an independent
 * view of the `system` queue. The fields are replaced before each test; `cleanups` run after it.
 */
export interface QueueClientHarness {
  testDb: TestDatabase;
  prefix: string;
  producer: ReturnType<typeof createRedis>;
  client: QueueClient;
  systemQueue: Queue;
  cleanups: (() => Promise<unknown>)[];
  /** A client whose producer connection points at a port nothing listens on: Redis is "down". */
  createDownClient: () => Promise<QueueClient>;
  /** Moves a row's staleness clock an hour back, as if it had been waiting that long. */
  ageRow: (id: string) => Promise<void>;
  countRows: () => Promise<number>;
}

/** Registers the hooks that build and tear down the harness, and returns it. */
export function useQueueClientHarness(): QueueClientHarness {
  const h = { cleanups: [] as (() => Promise<unknown>)[] } as QueueClientHarness;

  beforeAll(async () => {
    h.testDb = await createTestDatabase();
  });

  afterAll(async () => {
    await h.testDb.drop();
  });

  beforeEach(async () => {
    h.prefix = createTestPrefix();
    h.producer = createRedis(getTestRedisUrl(), { role: "producer" });
    // Fail-fast connections refuse commands until connected; cleanup must not race the handshake.
    await once(h.producer, "ready");
    h.client = createQueueClient({ db: h.testDb.handle.db, redis: h.producer, prefix: h.prefix, logger });
    // An independent view of the BullMQ queue, to check what the client really wrote to Redis.
    h.systemQueue = new Queue("system", { connection: h.producer, prefix: bullPrefixFor(h.prefix) });
  });

  afterEach(async () => {
    for (const cleanup of h.cleanups.splice(0).reverse()) await cleanup();
    await h.client.close();
    await h.systemQueue.close();
    await deleteKeysByPrefix(h.producer, h.prefix);
    await h.producer.quit();
  });

  h.createDownClient = async () => {
    const down = createRedis(`redis://127.0.0.1:${await getClosedPort()}`, { role: "producer" });
    const downClient = createQueueClient({
      db: h.testDb.handle.db,
      redis: down,
      prefix: h.prefix,
      logger,
      redisTimeoutMs: 300,
    });
    h.cleanups.push(async () => {
      await downClient.close();
      down.disconnect();
    });
    return downClient;
  };

  h.ageRow = async (id) => {
    await h.testDb.handle.db
      .update(jobRuns)
      .set({ enqueuedAt: sql`now() - interval '1 hour'` })
      .where(eq(jobRuns.id, id));
  };

  h.countRows = async () => {
    const [row] = await h.testDb.handle.db.select({ count: sql<number>`count(*)::int` }).from(jobRuns);
    return row?.count ?? 0;
  };

  return h;
}
