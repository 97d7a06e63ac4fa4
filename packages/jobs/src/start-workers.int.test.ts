import { getJobRun, insertJobRun, jobRuns } from "@vitae/db";
import type { TestDatabase } from "@vitae/db/testing";
import { type QueueClient, runSelfTestJob } from "@vitae/queue";
import type { ObjectStore } from "@vitae/storage";
import type { Metrics } from "@vitae/telemetry";
import type { Queue } from "bullmq";
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { selfTestObjectKey } from "./handlers/run-self-test";
import { startWorkers } from "./start-workers";
import { waitFor } from "./testing/fixtures";
import { basicModeServices, logger, useWorkersHarness } from "./testing/workers-harness";

const harness = useWorkersHarness();
const { start, storeWith, waitForFinishedRow, jobsTotal, progressEvents } = harness;
let testDb: TestDatabase;
let disk: ObjectStore;
let prefix: string;
let queueClient: QueueClient;
let systemQueue: Queue;
let metrics: Metrics;
beforeEach(() => {
  ({ testDb, disk, prefix, queueClient, systemQueue, metrics } = harness);
});

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
