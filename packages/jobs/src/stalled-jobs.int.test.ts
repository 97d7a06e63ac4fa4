import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type DocumentRecord, getDocument, getJobRun, type JobRun } from "@vitae/db";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { unconfiguredLlmClient } from "@vitae/llm";
import { createLogger } from "@vitae/logger";
import { createQueueClient, ingestDocumentJob, type QueueClient } from "@vitae/queue";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import { createDiskStore, type ObjectStore } from "@vitae/storage";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RunningWorkers, startWorkers } from "./start-workers";
import { insertFinalizedDocument, waitFor } from "./testing/fixtures";

const logger = createLogger({ level: "silent", format: "json", name: "stall-test" });
const fixture = fileURLToPath(new URL("./testing/hanging-worker.ts", import.meta.url));
// Short enough that stall checks happen within a test, long enough for a loaded machine to renew locks.
const stall = { lockDuration: 1500, stalledInterval: 500 };

let testDb: TestDatabase;
let rootDir: string;
let disk: ObjectStore;
let prefix: string;
let producer: ReturnType<typeof createRedis>;
let queueClient: QueueClient;
let workers: RunningWorkers | undefined;

beforeAll(async () => {
  testDb = await createTestDatabase();
  rootDir = await mkdtemp(join(tmpdir(), "vitae-stall-"));
  disk = createDiskStore({ rootDir, signingSecret: "s".repeat(32), publicUrl: "http://127.0.0.1:3000" });
  prefix = createTestPrefix();
  producer = createRedis(getTestRedisUrl(), { role: "producer" });
  await once(producer, "ready");
  queueClient = createQueueClient({ db: testDb.handle.db, redis: producer, prefix, logger });
});

afterAll(async () => {
  // Closing waits for a running ingest and its sandboxed parser child to finish.
  await workers?.close();
  await queueClient.close();
  await deleteKeysByPrefix(producer, prefix);
  await producer.quit();
  await testDb.drop();
  await rm(rootDir, { recursive: true, force: true });
}, 120_000);

/** A worker process whose handlers never return (see `testing/hanging-worker.ts`). */
function spawnHangingWorker(): ChildProcess {
  const settings = {
    databaseUrl: testDb.url,
    redisUrl: getTestRedisUrl(),
    prefix,
    rootDir,
    lockDurationMs: stall.lockDuration,
    stalledIntervalMs: stall.stalledInterval,
  };
  return spawn(process.execPath, ["--import", "tsx", fixture, JSON.stringify(settings)], { stdio: "ignore" });
}

async function killHard(child: ChildProcess): Promise<void> {
  const exited = once(child, "exit");
  child.kill("SIGKILL");
  await exited;
}

function readRun(id: string): Promise<JobRun | undefined> {
  return getJobRun(testDb.handle.db, { id });
}

it("a job whose workers are killed twice (BullMQ fails it unprocessed) still ends, never stuck running", async () => {
  const document: DocumentRecord = await insertFinalizedDocument(testDb.handle.db, disk);
  const ref = { workspaceId: document.workspaceId, documentId: document.id };
  const { jobRunId } = await queueClient.enqueue(
    ingestDocumentJob,
    { documentId: document.id },
    { workspaceId: document.workspaceId, jobRunId: document.id },
  );

  // Two crashes mid-job: BullMQ's stall limit (1) is exceeded, so it fails the job without the processor.
  for (const attempt of [1, 2]) {
    const child = spawnHangingWorker();
    await waitFor(
      () => readRun(jobRunId),
      (run) => run?.status === "running" && run.attempts === attempt,
    );
    await killHard(child);
  }

  workers = await startWorkers({
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
    concurrency: 1,
    reconcile: { intervalMs: 600_000, staleAfterMs: 600_000 },
    stall,
  });

  const run = await waitFor(
    () => readRun(jobRunId),
    (row) => row?.status === "succeeded" || row?.status === "failed",
  );
  // The row had an attempt left, so the run was delivered again and this time finished.
  expect(run).toMatchObject({ status: "succeeded", attempts: 3 });
  expect((await getDocument(testDb.handle.db, ref))?.status).toBe("ready");
  // Three worker processes start (each loads the app through tsx) and two stall checks pass: minutes
  // on a loaded CI machine.
}, 240_000);
