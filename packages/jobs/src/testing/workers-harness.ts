import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getJobRun, type JobRun } from "@vitae/db";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { unconfiguredLlmClient } from "@vitae/llm";
import { createLogger } from "@vitae/logger";
import { bullPrefixFor, createQueueClient, type QueueClient } from "@vitae/queue";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import { createDiskStore, type ObjectStore } from "@vitae/storage";
import { createMetrics, type Metrics } from "@vitae/telemetry";
import { Queue } from "bullmq";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { type RunningWorkers, type StartWorkersOptions, startWorkers } from "../start-workers";
import { waitFor } from "./fixtures";

export const logger = createLogger({ level: "silent", format: "json", name: "jobs-test" });

/** No LLM provider (basic mode) and generous extraction limits. */
export const basicModeServices = {
  llm: unconfiguredLlmClient,
  llmFor: async () => unconfiguredLlmClient,
  extraction: { timeoutMs: 20_000, maxMemoryMb: 256 },
};

/**
 * Test support for the start-workers files: one database for the file and, for each test, a fresh disk
 * store, Redis prefix, producer, queue client, `system` queue and metrics. `start` starts workers on
 * them (closed after the test); the fields are replaced before each test.
 */
export interface WorkersHarness {
  testDb: TestDatabase;
  disk: ObjectStore;
  prefix: string;
  producer: ReturnType<typeof createRedis>;
  queueClient: QueueClient;
  systemQueue: Queue;
  metrics: Metrics;
  start: (overrides?: Partial<StartWorkersOptions>) => Promise<RunningWorkers>;
  /** The disk store with some methods replaced (every other call goes to the real store). */
  storeWith: (overrides: Partial<ObjectStore>) => ObjectStore;
  waitForFinishedRow: (id: string) => Promise<JobRun | undefined>;
  jobsTotal: (outcome: string) => Promise<number>;
  /** Progress events BullMQ recorded for a job, read straight from the queue's event stream. */
  progressEvents: (jobId: string) => Promise<unknown[]>;
}

/** Registers the hooks that build and tear down the harness, and returns it. */
export function useWorkersHarness(): WorkersHarness {
  const h = {} as WorkersHarness;
  const running: RunningWorkers[] = [];
  let rootDir = "";

  beforeAll(async () => {
    h.testDb = await createTestDatabase();
  });

  afterAll(async () => {
    await h.testDb.drop();
  });

  beforeEach(async () => {
    rootDir = await mkdtemp(join(tmpdir(), "vitae-jobs-"));
    h.disk = createDiskStore({ rootDir, signingSecret: "s".repeat(32), publicUrl: "http://127.0.0.1:3000" });
    h.prefix = createTestPrefix();
    h.producer = createRedis(getTestRedisUrl(), { role: "producer" });
    await once(h.producer, "ready");
    h.queueClient = createQueueClient({
      db: h.testDb.handle.db,
      redis: h.producer,
      prefix: h.prefix,
      logger,
    });
    h.systemQueue = new Queue("system", { connection: h.producer, prefix: bullPrefixFor(h.prefix) });
    h.metrics = createMetrics({ service: "worker-test", collectDefaultMetrics: false });
  });

  afterEach(async () => {
    for (const workers of running.splice(0)) await workers.close();
    await h.queueClient.close();
    await h.systemQueue.close();
    await deleteKeysByPrefix(h.producer, h.prefix);
    await h.producer.quit();
    await rm(rootDir, { recursive: true, force: true });
  });

  h.start = async (overrides = {}) => {
    const workers = await startWorkers({
      db: h.testDb.handle.db,
      storage: h.disk,
      services: basicModeServices,
      redisUrl: getTestRedisUrl(),
      prefix: h.prefix,
      logger,
      metrics: h.metrics,
      concurrency: 2,
      reconcile: { intervalMs: 60_000, staleAfterMs: 60_000 },
      ...overrides,
    });
    running.push(workers);
    return workers;
  };

  h.storeWith = (overrides) => {
    const disk = h.disk;
    return {
      kind: disk.kind,
      put: (key, body, options) => disk.put(key, body, options),
      get: (key) => disk.get(key),
      getStream: (key) => disk.getStream(key),
      head: (key) => disk.head(key),
      delete: (key) => disk.delete(key),
      deleteByPrefix: (keyPrefix) => disk.deleteByPrefix(keyPrefix),
      createUploadUrl: (key, options) => disk.createUploadUrl(key, options),
      createDownloadUrl: (key, options) => disk.createDownloadUrl(key, options),
      ping: (timeoutMs) => disk.ping(timeoutMs),
      ...overrides,
    };
  };

  h.waitForFinishedRow = (id) =>
    waitFor(
      () => getJobRun(h.testDb.handle.db, { id }),
      (row) => row?.status === "succeeded" || row?.status === "failed",
    );

  h.jobsTotal = async (outcome) => {
    const metric = await h.metrics.jobsTotal.get();
    return metric.values.find((value) => value.labels.outcome === outcome)?.value ?? 0;
  };

  h.progressEvents = async (jobId) => {
    const entries = await h.producer.xrange(`${bullPrefixFor(h.prefix)}:system:events`, "-", "+");
    return entries
      .map(([, fields]) =>
        Object.fromEntries(
          fields.flatMap((_, index) => (index % 2 === 0 ? [[fields[index], fields[index + 1]]] : [])),
        ),
      )
      .filter((event) => event.event === "progress" && event.jobId === jobId)
      .map((event) => JSON.parse(String(event.data)));
  };

  return h;
}
