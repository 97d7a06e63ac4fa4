import { once } from "node:events";
import { completeJobRun, getJobRun, jobRuns, markJobRunRunning, updateJobRunProgress } from "@vitae/db";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { AppError } from "@vitae/errors";
import { createLogger } from "@vitae/logger";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getClosedPort, getTestRedisUrl } from "@vitae/redis/testing";
import { Queue, Worker } from "bullmq";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queueNames, runSelfTestJob } from "./job-definitions";
import type { JobStatusSnapshot } from "./job-status";
import { bullPrefixFor, createQueueClient, type QueueClient } from "./queue-client";

const logger = createLogger({ level: "silent", format: "json", name: "queue-test" });
const workspaceId = "6f1c1d1e-8a43-4f43-9a0e-2b0c6f0f7a11";

let testDb: TestDatabase;
let prefix: string;
let producer: ReturnType<typeof createRedis>;
let client: QueueClient;
let systemQueue: Queue;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
});

afterAll(async () => {
  await testDb.drop();
});

beforeEach(async () => {
  prefix = createTestPrefix();
  producer = createRedis(getTestRedisUrl(), { role: "producer" });
  // Fail-fast connections refuse commands until connected; cleanup must not race the handshake.
  await once(producer, "ready");
  client = createQueueClient({ db: testDb.handle.db, redis: producer, prefix, logger });
  // An independent view of the BullMQ queue, to check what the client really wrote to Redis.
  systemQueue = new Queue("system", { connection: producer, prefix: bullPrefixFor(prefix) });
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await client.close();
  await systemQueue.close();
  await deleteKeysByPrefix(producer, prefix);
  await producer.quit();
});

/** A client whose producer connection points at a port nothing listens on: Redis is "down". */
async function createDownClient(): Promise<QueueClient> {
  const down = createRedis(`redis://127.0.0.1:${await getClosedPort()}`, { role: "producer" });
  const downClient = createQueueClient({
    db: testDb.handle.db,
    redis: down,
    prefix,
    logger,
    redisTimeoutMs: 300,
  });
  cleanups.push(async () => {
    await downClient.close();
    down.disconnect();
  });
  return downClient;
}

/** Moves a row's staleness clock an hour back, as if it had been waiting that long. */
async function ageRow(id: string): Promise<void> {
  await testDb.handle.db
    .update(jobRuns)
    .set({ enqueuedAt: sql`now() - interval '1 hour'` })
    .where(eq(jobRuns.id, id));
}

async function countRows(): Promise<number> {
  const [row] = await testDb.handle.db.select({ count: sql<number>`count(*)::int` }).from(jobRuns);
  return row?.count ?? 0;
}

describe("enqueue", () => {
  it("commits the row, then adds the BullMQ job under the row id", async () => {
    const result = await client.enqueue(runSelfTestJob, {}, { workspaceId });
    expect(result.dispatched).toBe(true);

    const row = await getJobRun(testDb.handle.db, { id: result.jobRunId });
    expect(row).toMatchObject({
      name: "system.run-self-test",
      queue: "system",
      status: "queued",
      workspaceId,
      payload: { probeBytes: 1024 },
      maxAttempts: 2,
    });
    const job = await systemQueue.getJob(result.jobRunId);
    expect(job?.id).toBe(result.jobRunId);
    expect(job?.name).toBe("system.run-self-test");
    expect(job?.data).toEqual({ probeBytes: 1024 });
    expect(job?.opts.attempts).toBe(2);
  });

  it.each([
    ["out of range", { probeBytes: -5 }],
    ["of the wrong type", { probeBytes: "big" }],
    ["with unknown keys", { probeBytes: 10, path: "/etc/passwd" }],
  ])("rejects a payload %s with JOB_PAYLOAD_INVALID and writes nothing", async (_label, payload) => {
    const rowsBefore = await countRows();
    const waitingBefore = await systemQueue.getJobCountByTypes("waiting");

    const error = await client.enqueue(runSelfTestJob, payload as never).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("JOB_PAYLOAD_INVALID");
    expect((error as AppError).details?.issues).toEqual([
      expect.objectContaining({ message: expect.any(String) }),
    ]);
    expect(await countRows()).toBe(rowsBefore);
    expect(await systemQueue.getJobCountByTypes("waiting")).toBe(waitingBefore);
  });

  it("keeps the row queued and reports dispatched: false when Redis is down", async () => {
    const downClient = await createDownClient();

    const result = await downClient.enqueue(runSelfTestJob, { probeBytes: 16 });

    expect(result.dispatched).toBe(false);
    expect((await getJobRun(testDb.handle.db, { id: result.jobRunId }))?.status).toBe("queued");
    expect(await systemQueue.getJob(result.jobRunId)).toBeUndefined();
  });
});

describe("reconcileStaleJobs", () => {
  it("dispatches a row that never reached Redis once Redis is back, and only once", async () => {
    const { jobRunId } = await (await createDownClient()).enqueue(runSelfTestJob, { probeBytes: 16 });
    await ageRow(jobRunId);
    const fresh = await (await createDownClient()).enqueue(runSelfTestJob, { probeBytes: 16 });

    const first = await client.reconcileStaleJobs({ olderThanMs: 30 * 60_000 });

    expect(first).toEqual({
      scanned: 1,
      dispatched: 1,
      alreadyQueued: 0,
      exhausted: 0,
      skipped: 0,
      failed: 0,
    });
    const job = await systemQueue.getJob(jobRunId);
    expect(job?.data).toEqual({ probeBytes: 16 });
    // The fresh row is younger than the threshold: not the reconciler's business yet.
    expect(await systemQueue.getJob(fresh.jobRunId)).toBeUndefined();
    // Re-dispatching restarted the row's staleness clock, so the next pass leaves it alone.
    expect(await client.reconcileStaleJobs({ olderThanMs: 30 * 60_000 })).toMatchObject({ scanned: 0 });
  });

  it("does not duplicate a job that is still in the queue", async () => {
    const { jobRunId } = await client.enqueue(runSelfTestJob, {});
    await ageRow(jobRunId);
    const waitingBefore = await systemQueue.getJobCountByTypes("waiting");

    const result = await client.reconcileStaleJobs({ olderThanMs: 30 * 60_000 });

    expect(result).toEqual({
      scanned: 1,
      dispatched: 0,
      alreadyQueued: 1,
      exhausted: 0,
      skipped: 0,
      failed: 0,
    });
    expect(await systemQueue.getJobCountByTypes("waiting")).toBe(waitingBefore);
  });

  it("leaves rows queued and reports them failed while Redis is down", async () => {
    const downClient = await createDownClient();
    const { jobRunId } = await downClient.enqueue(runSelfTestJob, {});
    await ageRow(jobRunId);

    const result = await downClient.reconcileStaleJobs({ olderThanMs: 30 * 60_000 });

    expect(result).toMatchObject({ scanned: 1, dispatched: 0, failed: 1 });
    expect((await getJobRun(testDb.handle.db, { id: jobRunId }))?.status).toBe("queued");
    // Still stale, so the next pass (with Redis back) picks it up.
    expect(await client.reconcileStaleJobs({ olderThanMs: 30 * 60_000 })).toMatchObject({ dispatched: 1 });
  });

  it("skips rows of job names this build does not define", async () => {
    const [row] = await testDb.handle.db
      .insert(jobRuns)
      .values({ name: "legacy.do-thing", queue: "legacy", payload: {} })
      .returning({ id: jobRuns.id });
    await ageRow(row?.id ?? "");

    const result = await client.reconcileStaleJobs({ olderThanMs: 30 * 60_000 });

    expect(result).toMatchObject({ scanned: 1, skipped: 1, dispatched: 0, failed: 0 });
    await testDb.handle.db.delete(jobRuns).where(eq(jobRuns.id, row?.id ?? ""));
  });
});

describe("getJobStatus", () => {
  it("returns a client-safe snapshot without the payload", async () => {
    const { jobRunId } = await client.enqueue(runSelfTestJob, { probeBytes: 8 }, { workspaceId });

    const snapshot = await client.getJobStatus(jobRunId);

    expect(snapshot).toMatchObject({ id: jobRunId, status: "queued", progress: 0, attempts: 0, workspaceId });
    expect(snapshot).not.toHaveProperty("payload");
    expect(Number.isNaN(Date.parse(snapshot.createdAt))).toBe(false);
  });

  it.each(["00000000-0000-4000-8000-000000000000", "not-a-uuid", "'; drop table job_runs; --"])(
    "reports NOT_FOUND for %s",
    async (id) => {
      await expect(client.getJobStatus(id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    },
  );
});

describe("watchJobProgress", () => {
  /** A worker that runs the real row transitions and pauses after reporting 50 % until released. */
  function startGatedWorker(): { release: () => void } {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const db = testDb.handle.db;
    const connection = createRedis(getTestRedisUrl(), { role: "worker" });
    const worker = new Worker(
      "system",
      async (job) => {
        const id = job.id ?? "";
        await markJobRunRunning(db, { id });
        await updateJobRunProgress(db, { id, progress: 50, message: "halfway" });
        await job.updateProgress(50);
        await gate;
        await completeJobRun(db, { id, result: { ok: true } });
        return { ok: true };
      },
      { connection, prefix: bullPrefixFor(prefix) },
    );
    cleanups.push(async () => {
      release();
      await worker.close();
      await connection.quit();
    });
    return { release };
  }

  it("yields the queued row, event-driven progress and the final result, then ends", async () => {
    const { jobRunId } = await client.enqueue(runSelfTestJob, {});
    const seen: JobStatusSnapshot[] = [];
    let worker: { release: () => void } | undefined;

    // A one-minute poll means only queue events can move this watcher along within the test timeout.
    for await (const snapshot of client.watchJobProgress(jobRunId, { pollIntervalMs: 60_000 })) {
      seen.push(snapshot);
      if (seen.length === 1) worker = startGatedWorker();
      if (snapshot.progress === 50) worker?.release();
    }

    expect(seen[0]).toMatchObject({ status: "queued", progress: 0 });
    expect(seen).toContainEqual(
      expect.objectContaining({ status: "running", progress: 50, progressMessage: "halfway" }),
    );
    expect(seen.at(-1)).toMatchObject({ status: "succeeded", progress: 100, result: { ok: true } });
    const progressValues = seen.map((snapshot) => snapshot.progress);
    expect(progressValues).toEqual([...progressValues].sort((a, b) => a - b));
  });

  it("yields a finished run once and ends", async () => {
    const { jobRunId } = await client.enqueue(runSelfTestJob, {});
    await markJobRunRunning(testDb.handle.db, { id: jobRunId });
    await completeJobRun(testDb.handle.db, { id: jobRunId, result: { done: 1 } });

    const seen: JobStatusSnapshot[] = [];
    for await (const snapshot of client.watchJobProgress(jobRunId)) seen.push(snapshot);

    expect(seen).toEqual([expect.objectContaining({ status: "succeeded", result: { done: 1 } })]);
  });

  it("ends when the signal aborts, and when the client closes", async () => {
    const { jobRunId } = await client.enqueue(runSelfTestJob, {});
    const controller = new AbortController();
    const aborted: JobStatusSnapshot[] = [];
    for await (const snapshot of client.watchJobProgress(jobRunId, { signal: controller.signal })) {
      aborted.push(snapshot);
      controller.abort();
    }
    expect(aborted).toHaveLength(1);

    const closed: JobStatusSnapshot[] = [];
    for await (const snapshot of client.watchJobProgress(jobRunId)) {
      closed.push(snapshot);
      await client.close();
    }
    expect(closed).toHaveLength(1);
  });

  it("rejects with NOT_FOUND for an unknown run", async () => {
    const iterator = client.watchJobProgress("00000000-0000-4000-8000-000000000000")[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("queueDepths", () => {
  it("counts waiting jobs per queue", async () => {
    await client.enqueue(runSelfTestJob, {});
    await client.enqueue(runSelfTestJob, {});

    const idle = { waiting: 0, active: 0, delayed: 0, failed: 0 };
    expect(await client.queueDepths()).toEqual({
      ...Object.fromEntries(queueNames.map((name) => [name, idle])),
      system: { ...idle, waiting: 2 },
    });
  });

  it("rejects with SERVICE_UNAVAILABLE instead of hanging when Redis is down", async () => {
    const downClient = await createDownClient();
    await expect(downClient.queueDepths()).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
  });
});

describe("enqueue with a caller-chosen id", () => {
  const chosenId = "0b5d3c1a-7e2f-4d6a-9c8b-1a2b3c4d5e6f";

  it("is idempotent: one row and one BullMQ job however often it is called", async () => {
    const first = await client.enqueue(runSelfTestJob, {}, { jobRunId: chosenId });
    const second = await client.enqueue(runSelfTestJob, {}, { jobRunId: chosenId });
    expect(first).toEqual({ jobRunId: chosenId, dispatched: true });
    expect(second).toEqual({ jobRunId: chosenId, dispatched: true });
    const rows = await testDb.handle.db.select().from(jobRuns).where(eq(jobRuns.id, chosenId));
    expect(rows).toHaveLength(1);
    expect(await systemQueue.getJobCounts("waiting")).toEqual({ waiting: 1 });
    await testDb.handle.db.delete(jobRuns).where(eq(jobRuns.id, chosenId));
  });

  it("does not re-queue a run that already started, and refuses an id of another tenant", async () => {
    await client.enqueue(runSelfTestJob, {}, { jobRunId: chosenId, workspaceId });
    await systemQueue.obliterate({ force: true });
    await markJobRunRunning(testDb.handle.db, { id: chosenId });
    await client.enqueue(runSelfTestJob, {}, { jobRunId: chosenId, workspaceId });
    expect(await systemQueue.getJobCounts("waiting")).toEqual({ waiting: 0 });
    await expect(client.enqueue(runSelfTestJob, {}, { jobRunId: chosenId })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await testDb.handle.db.delete(jobRuns).where(eq(jobRuns.id, chosenId));
  });
});
