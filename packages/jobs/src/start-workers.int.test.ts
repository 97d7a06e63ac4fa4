import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getJobRun, insertJobRun, type JobRun, jobRuns } from "@vitae/db";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { AppError, defaultMessageFor } from "@vitae/errors";
import { unconfiguredLlmClient } from "@vitae/llm";
import { createLogger } from "@vitae/logger";
import { bullPrefixFor, createQueueClient, type QueueClient, runSelfTestJob } from "@vitae/queue";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import { createDiskStore, type ObjectStore } from "@vitae/storage";
import { createMetrics, type Metrics } from "@vitae/telemetry";
import { Queue } from "bullmq";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { selfTestObjectKey } from "./handlers/run-self-test";
import { type RunningWorkers, type StartWorkersOptions, startWorkers } from "./start-workers";

const logger = createLogger({ level: "silent", format: "json", name: "jobs-test" });

let testDb: TestDatabase;
let rootDir: string;
let disk: ObjectStore;
let prefix: string;
let producer: ReturnType<typeof createRedis>;
let queueClient: QueueClient;
let systemQueue: Queue;
let metrics: Metrics;
const running: RunningWorkers[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
});

afterAll(async () => {
  await testDb.drop();
});

/** No LLM provider (basic mode) and generous extraction limits. */
const basicModeServices = {
  llm: unconfiguredLlmClient,
  llmFor: async () => unconfiguredLlmClient,
  extraction: { timeoutMs: 20_000, maxMemoryMb: 256 },
};

beforeEach(async () => {
  rootDir = await mkdtemp(join(tmpdir(), "vitae-jobs-"));
  disk = createDiskStore({ rootDir, signingSecret: "s".repeat(32), publicUrl: "http://127.0.0.1:3000" });
  prefix = createTestPrefix();
  producer = createRedis(getTestRedisUrl(), { role: "producer" });
  await once(producer, "ready");
  queueClient = createQueueClient({ db: testDb.handle.db, redis: producer, prefix, logger });
  systemQueue = new Queue("system", { connection: producer, prefix: bullPrefixFor(prefix) });
  metrics = createMetrics({ service: "worker-test", collectDefaultMetrics: false });
});

afterEach(async () => {
  for (const workers of running.splice(0)) await workers.close();
  await queueClient.close();
  await systemQueue.close();
  await deleteKeysByPrefix(producer, prefix);
  await producer.quit();
  await rm(rootDir, { recursive: true, force: true });
});

async function start(overrides: Partial<StartWorkersOptions> = {}): Promise<RunningWorkers> {
  const workers = await startWorkers({
    db: testDb.handle.db,
    storage: disk,
    services: basicModeServices,
    redisUrl: getTestRedisUrl(),
    prefix,
    logger,
    metrics,
    concurrency: 2,
    reconcile: { intervalMs: 60_000, staleAfterMs: 60_000 },
    ...overrides,
  });
  running.push(workers);
  return workers;
}

/** The disk store with some methods replaced (every other call goes to the real store). */
function storeWith(overrides: Partial<ObjectStore>): ObjectStore {
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
}

/** Polls until `read` returns a value `isDone` accepts; the test timeout bounds the wait. */
async function waitFor<T>(read: () => Promise<T>, isDone: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function waitForFinishedRow(id: string): Promise<JobRun | undefined> {
  return waitFor(
    () => getJobRun(testDb.handle.db, { id }),
    (row) => row?.status === "succeeded" || row?.status === "failed",
  );
}

async function jobsTotal(outcome: string): Promise<number> {
  const metric = await metrics.jobsTotal.get();
  return metric.values.find((value) => value.labels.outcome === outcome)?.value ?? 0;
}

/** Progress events BullMQ recorded for a job, read straight from the queue's event stream. */
async function progressEvents(jobId: string): Promise<unknown[]> {
  const entries = await producer.xrange(`${bullPrefixFor(prefix)}:system:events`, "-", "+");
  return entries
    .map(([, fields]) =>
      Object.fromEntries(
        fields.flatMap((_, index) => (index % 2 === 0 ? [[fields[index], fields[index + 1]]] : [])),
      ),
    )
    .filter((event) => event.event === "progress" && event.jobId === jobId)
    .map((event) => JSON.parse(String(event.data)));
}

describe("system.run-self-test through a real Worker", () => {
  it("round-trips storage, reports each step, returns timings and deletes the probe", async () => {
    await start();
    const { jobRunId } = await queueClient.enqueue(runSelfTestJob, { probeBytes: 2048 });

    const row = await waitForFinishedRow(jobRunId);

    expect(row).toMatchObject({ status: "succeeded", progress: 100, attempts: 1, errorCode: null });
    expect(row?.result).toEqual({
      objectKey: selfTestObjectKey(jobRunId),
      bytes: 2048,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      timingsMs: {
        write: expect.any(Number),
        read: expect.any(Number),
        record: expect.any(Number),
        delete: expect.any(Number),
      },
    });
    expect((await progressEvents(jobRunId)).map((event) => (event as { percent: number }).percent)).toEqual([
      10, 40, 70, 100,
    ]);
    expect(await disk.head(selfTestObjectKey(jobRunId))).toBeNull();
    expect(await jobsTotal("completed")).toBe(1);
    expect(
      (await metrics.jobDuration.get()).values.find((value) => value.metricName?.endsWith("_count"))?.value,
    ).toBe(1);
  });

  it("treats a redelivered job whose row already finished as a no-op", async () => {
    let puts = 0;
    await start({
      storage: storeWith({
        put: (key, body, options) => {
          puts += 1;
          return disk.put(key, body, options);
        },
      }),
    });
    const { jobRunId } = await queueClient.enqueue(runSelfTestJob, {});
    const finished = await waitForFinishedRow(jobRunId);
    await waitFor(
      () => systemQueue.getJobState(jobRunId),
      (state) => state === "completed",
    );

    // Simulate at-least-once delivery: the same job (same id) arrives again.
    await (await systemQueue.getJob(jobRunId))?.remove();
    await systemQueue.add(runSelfTestJob.name, { probeBytes: 1024 }, { jobId: jobRunId });
    await waitFor(
      () => systemQueue.getJobState(jobRunId),
      (state) => state === "completed",
    );

    expect(puts).toBe(1);
    expect(await getJobRun(testDb.handle.db, { id: jobRunId })).toEqual(finished);
    expect((await systemQueue.getJob(jobRunId))?.returnvalue).toEqual(finished?.result);
    expect(await jobsTotal("skipped")).toBe(1);
  });
});

describe("failures", () => {
  it("fails an invalid payload permanently, without retries or side effects", async () => {
    let puts = 0;
    await start({
      storage: storeWith({
        put: async () => {
          puts += 1;
        },
      }),
    });
    // A payload that bypassed enqueue validation (older producer, tampered Redis): the worker re-checks.
    const row = await insertJobRun(testDb.handle.db, {
      name: runSelfTestJob.name,
      queue: "system",
      payload: { probeBytes: "lots" },
      maxAttempts: 3,
    });
    await systemQueue.add(runSelfTestJob.name, { probeBytes: "lots" }, { jobId: row.id, attempts: 3 });

    const finished = await waitForFinishedRow(row.id);
    await waitFor(
      () => systemQueue.getJobState(row.id),
      (state) => state === "failed",
    );

    expect(finished).toMatchObject({
      status: "failed",
      errorCode: "JOB_PAYLOAD_INVALID",
      errorMessage: defaultMessageFor("JOB_PAYLOAD_INVALID"),
      attempts: 1,
    });
    expect((await systemQueue.getJob(row.id))?.attemptsMade).toBe(1);
    expect(puts).toBe(0);
    expect(await jobsTotal("failed")).toBe(1);
  });

  it("fails a permanent AppError at once with its code and message", async () => {
    await start({
      storage: storeWith({
        get: async () => {
          throw new AppError("NOT_FOUND", { message: "The probe object vanished." });
        },
      }),
    });
    const { jobRunId } = await queueClient.enqueue(runSelfTestJob, {});

    const finished = await waitForFinishedRow(jobRunId);

    expect(finished).toMatchObject({
      status: "failed",
      errorCode: "NOT_FOUND",
      errorMessage: "The probe object vanished.",
      attempts: 1,
    });
    // The handler cleans its probe up even when a step fails.
    expect(await disk.head(selfTestObjectKey(jobRunId))).toBeNull();
  });

  it("retries a transient failure and succeeds on the next attempt", async () => {
    let puts = 0;
    await start({
      storage: storeWith({
        put: (key, body, options) => {
          puts += 1;
          if (puts === 1) return Promise.reject(new AppError("SERVICE_UNAVAILABLE"));
          return disk.put(key, body, options);
        },
      }),
    });
    const { jobRunId } = await queueClient.enqueue(runSelfTestJob, {});

    const finished = await waitForFinishedRow(jobRunId);

    expect(finished).toMatchObject({ status: "succeeded", attempts: 2, errorCode: null });
    expect(await jobsTotal("retried")).toBe(1);
    expect(await jobsTotal("completed")).toBe(1);
  });

  it("records the last failure with a client-safe message once attempts run out", async () => {
    await start({
      storage: storeWith({
        put: () => Promise.reject(new Error("EACCES: permission denied, open '/srv/secret/objects/x'")),
      }),
    });
    const { jobRunId } = await queueClient.enqueue(runSelfTestJob, {});

    const finished = await waitForFinishedRow(jobRunId);

    expect(finished).toMatchObject({
      status: "failed",
      attempts: 2,
      errorCode: "INTERNAL",
      errorMessage: defaultMessageFor("INTERNAL"),
    });
    expect(JSON.stringify(await queueClient.getJobStatus(jobRunId))).not.toContain("/srv/secret");
  });
});

describe("lifecycle", () => {
  it("close() lets the running job finish and takes no new ones", async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered = (): void => undefined;
    const isEntered = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const workers = await start({
      storage: storeWith({
        put: async (key, body, options) => {
          entered();
          await gate;
          await disk.put(key, body, options);
        },
      }),
    });
    const { jobRunId } = await queueClient.enqueue(runSelfTestJob, {});
    await isEntered;

    let isClosed = false;
    const closing = workers.close().then(() => {
      isClosed = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(isClosed).toBe(false);
    release();
    await closing;

    expect((await getJobRun(testDb.handle.db, { id: jobRunId }))?.status).toBe("succeeded");
    const late = await queueClient.enqueue(runSelfTestJob, {});
    expect(await systemQueue.getJobState(late.jobRunId)).toBe("waiting");
  });

  it("runs the reconciler on its schedule, dispatching rows Redis never received", async () => {
    const row = await insertJobRun(testDb.handle.db, {
      name: runSelfTestJob.name,
      queue: "system",
      payload: { probeBytes: 64 },
      maxAttempts: 2,
    });
    await testDb.handle.db
      .update(jobRuns)
      .set({ enqueuedAt: sql`now() - interval '1 hour'` })
      .where(eq(jobRuns.id, row.id));

    await start({ reconcile: { intervalMs: 100, staleAfterMs: 60_000 } });

    expect(await waitForFinishedRow(row.id)).toMatchObject({ status: "succeeded" });
  });

  it("rejects with SERVICE_UNAVAILABLE when Redis is unreachable at start", async () => {
    const error = await startWorkers({
      db: testDb.handle.db,
      storage: disk,
      services: basicModeServices,
      redisUrl: "redis://127.0.0.1:1",
      prefix,
      logger,
      concurrency: 1,
      reconcile: { intervalMs: 60_000, staleAfterMs: 60_000 },
      readyTimeoutMs: 300,
    }).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: "SERVICE_UNAVAILABLE" });
  });
});
