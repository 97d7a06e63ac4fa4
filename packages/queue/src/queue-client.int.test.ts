import { getJobRun, jobRuns, markJobRunRunning } from "@vitae/db";
import type { TestDatabase } from "@vitae/db/testing";
import { AppError } from "@vitae/errors";
import type { Queue } from "bullmq";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { queueNames, runSelfTestJob } from "./job-definitions";
import type { QueueClient } from "./queue-client";
import { useQueueClientHarness, workspaceId } from "./queue-client-test-setup";

const harness = useQueueClientHarness();
const { createDownClient, countRows } = harness;
let testDb: TestDatabase;
let client: QueueClient;
let systemQueue: Queue;
beforeEach(() => {
  ({ testDb, client, systemQueue } = harness);
});

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
