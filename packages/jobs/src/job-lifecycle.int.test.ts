import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createDb,
  getDocument,
  getJobRun,
  getWorkspaceUsage,
  incrementWorkspaceUsage,
  insertJobRun,
  type JobRun,
  jobRuns,
} from "@vitae/db";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { unconfiguredLlmClient } from "@vitae/llm";
import { createLogger } from "@vitae/logger";
import {
  bullPrefixFor,
  createQueueClient,
  flushRequestsJob,
  ingestDocumentJob,
  type QueueClient,
  runSelfTestJob,
  sweepExpiredExportsJob,
  sweepStaleUploadsJob,
  sweepVoiceJob,
} from "@vitae/queue";
import { createUsageCounter, quotaPeriodOf } from "@vitae/ratelimit";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl, startTcpProxy } from "@vitae/redis/testing";
import { createDiskStore, type ObjectStore } from "@vitae/storage";
import { Queue } from "bullmq";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { voiceHourBucket } from "./handlers/sweep-voice";
import { type RunningWorkers, type StartWorkersOptions, startWorkers } from "./start-workers";
import { insertFinalizedDocument, waitFor } from "./testing/fixtures";

const logger = createLogger({ level: "silent", format: "json", name: "lifecycle-test" });

let testDb: TestDatabase;
let rootDir: string;
let disk: ObjectStore;
let prefix: string;
let producer: ReturnType<typeof createRedis>;
let queueClient: QueueClient;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
});

afterAll(async () => {
  await testDb.drop();
});

beforeEach(async () => {
  rootDir = await mkdtemp(join(tmpdir(), "vitae-lifecycle-"));
  disk = createDiskStore({ rootDir, signingSecret: "s".repeat(32), publicUrl: "http://127.0.0.1:3000" });
  prefix = createTestPrefix();
  producer = createRedis(getTestRedisUrl(), { role: "producer" });
  await once(producer, "ready");
  queueClient = createQueueClient({ db: testDb.handle.db, redis: producer, prefix, logger });
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await queueClient.close();
  await deleteKeysByPrefix(producer, prefix);
  await producer.quit();
  await rm(rootDir, { recursive: true, force: true });
});

async function start(overrides: Partial<StartWorkersOptions> = {}): Promise<RunningWorkers> {
  const workers = await startWorkers({
    db: testDb.handle.db,
    storage: disk,
    services: {
      llm: unconfiguredLlmClient,
      llmFor: async () => unconfiguredLlmClient,
      extraction: { timeoutMs: 20_000, maxMemoryMb: 256 },
    },
    redisUrl: getTestRedisUrl(),
    prefix,
    logger,
    concurrency: 2,
    reconcile: { intervalMs: 600_000, staleAfterMs: 600_000 },
    ...overrides,
  });
  cleanups.push(() => workers.close());
  return workers;
}

function waitForFinishedRun(id: string): Promise<JobRun | undefined> {
  return waitFor(
    () => getJobRun(testDb.handle.db, { id }),
    (run) => run?.status === "succeeded" || run?.status === "failed",
  );
}

describe("documents.ingest and its document end together", () => {
  it("a run that runs out of retries fails its document with a code (not `processing` forever)", async () => {
    const document = await insertFinalizedDocument(testDb.handle.db, disk);
    let reads = 0;
    // Storage keeps failing: every attempt is retried until none is left.
    const flaky: ObjectStore = Object.assign(Object.create(disk) as ObjectStore, {
      get: async () => {
        reads += 1;
        throw new Error("storage unreachable");
      },
    });
    await start({ storage: flaky });
    const ref = { workspaceId: document.workspaceId, documentId: document.id };
    const { jobRunId } = await queueClient.enqueue(
      ingestDocumentJob,
      { documentId: document.id },
      { workspaceId: document.workspaceId, jobRunId: document.id },
    );

    const run = await waitForFinishedRun(jobRunId);

    expect(run).toMatchObject({ status: "failed", attempts: 3, errorCode: "INTERNAL" });
    expect(reads).toBe(3);
    expect(await getDocument(testDb.handle.db, ref)).toMatchObject({
      status: "failed",
      errorCode: "INTERNAL",
      errorMessage: expect.any(String),
    });
  }, 30_000);

  it("a run that is not the document's current run leaves the document alone", async () => {
    const document = await insertFinalizedDocument(testDb.handle.db, disk);
    await start();
    const { jobRunId } = await queueClient.enqueue(
      ingestDocumentJob,
      { documentId: document.id },
      { workspaceId: document.workspaceId, jobRunId: randomUUID() },
    );

    const run = await waitForFinishedRun(jobRunId);

    expect(run).toMatchObject({ status: "succeeded", result: { skipped: true, superseded: true } });
    const ref = { workspaceId: document.workspaceId, documentId: document.id };
    expect((await getDocument(testDb.handle.db, ref))?.status).toBe("uploaded");
  }, 30_000);
});

describe("the reconciler", () => {
  it("runs its first pass as soon as the workers start (its Redis connection is ready)", async () => {
    // A run whose enqueue never reached Redis, stale already.
    const row = await insertJobRun(testDb.handle.db, {
      name: runSelfTestJob.name,
      queue: runSelfTestJob.queue,
      payload: { probeBytes: 16 },
      maxAttempts: 2,
    });
    await testDb.handle.db
      .update(jobRuns)
      .set({ enqueuedAt: sql`now() - interval '1 hour'` })
      .where(eq(jobRuns.id, row.id));

    // The next pass is ten minutes away: only the first one can dispatch the row within the test.
    await start({ reconcile: { intervalMs: 600_000, staleAfterMs: 1000 } });

    expect(await waitForFinishedRun(row.id)).toMatchObject({ status: "succeeded", attempts: 1 });
  }, 30_000);

  it("recovers a run whose deliveries all failed while Postgres was unreachable", async () => {
    const postgresPort = Number(new URL(testDb.url).port || 5432);
    let proxy = await startTcpProxy(0, { host: "127.0.0.1", port: postgresPort });
    const proxied = new URL(testDb.url);
    proxied.port = String(proxy.port);
    const workerDb = createDb({ databaseUrl: proxied.toString(), dataDir: rootDir, poolMax: 2 });
    cleanups.push(() => workerDb.close());
    await start({ db: workerDb.db });
    await proxy.close();

    // Postgres "goes away" for the workers only: every delivery fails before it can record anything.
    const { jobRunId } = await queueClient.enqueue(runSelfTestJob, { probeBytes: 16 });
    const system = new Queue("system", { connection: producer, prefix: bullPrefixFor(prefix) });
    cleanups.push(() => system.close());
    await waitFor(
      () => system.getJobState(jobRunId),
      (state) => state === "failed",
    );
    expect((await getJobRun(testDb.handle.db, { id: jobRunId }))?.status).toBe("queued");

    proxy = await startTcpProxy(proxy.port, { host: "127.0.0.1", port: postgresPort });
    cleanups.push(() => proxy.close());
    const pass = await queueClient.reconcileStaleJobs({ olderThanMs: 0 });

    expect(pass).toMatchObject({ dispatched: 1 });
    expect(await waitForFinishedRun(jobRunId)).toMatchObject({ status: "succeeded", attempts: 1 });
  }, 30_000);
});

describe("periodic work", () => {
  it("registers the voice sweep as a BullMQ job scheduler that deletes expired recordings", async () => {
    const expired = `voice-questions/${voiceHourBucket(new Date(Date.now() - 3 * 3_600_000))}/w/old.wav`;
    const fresh = `voice-questions/${voiceHourBucket(new Date())}/w/new.wav`;
    await disk.put(expired, Buffer.from("old"), { contentType: "audio/wav" });
    await disk.put(fresh, Buffer.from("new"), { contentType: "audio/wav" });

    await start();
    await start();

    const maintenance = new Queue(sweepVoiceJob.queue, {
      connection: producer,
      prefix: bullPrefixFor(prefix),
    });
    cleanups.push(() => maintenance.close());
    // Two workers started, one scheduler per periodic job.
    const schedulers = (await maintenance.getJobSchedulers()).map((scheduler) => scheduler.key);
    expect(schedulers.sort()).toEqual(
      [
        sweepVoiceJob.name,
        sweepStaleUploadsJob.name,
        sweepExpiredExportsJob.name,
        flushRequestsJob.name,
      ].sort(),
    );
    await waitFor(
      () => disk.head(expired),
      (head) => head === null,
    );
    expect(await disk.head(fresh)).not.toBeNull();
  }, 30_000);

  it("writes the API's live request counters behind to Postgres on a tick, and once more when a worker stops", async () => {
    const { workspaceId } = await insertFinalizedDocument(testDb.handle.db, disk);
    const db = testDb.handle.db;
    const counter = createUsageCounter({
      redis: producer,
      prefix,
      store: {
        increment: (id, period, delta) => incrementWorkspaceUsage(db, { workspaceId: id, period, ...delta }),
        get: (id, period) => getWorkspaceUsage(db, { workspaceId: id, period }),
      },
      logger,
    });
    const period = quotaPeriodOf(new Date()).key;
    for (let call = 0; call < 5; call += 1) await counter.admit({ workspaceId, quotaLimit: 100 });
    expect((await getWorkspaceUsage(db, { workspaceId, period })).requests).toBe(0);

    const workers = await start();
    await waitFor(
      () => getWorkspaceUsage(db, { workspaceId, period }),
      (usage) => usage.requests === 5,
    );
    for (let call = 0; call < 3; call += 1) await counter.admit({ workspaceId, quotaLimit: 100 });
    await workers.close();

    expect((await getWorkspaceUsage(db, { workspaceId, period })).requests).toBe(8);
    expect(await counter.live(workspaceId, period)).toBe(8);
  }, 30_000);
});
