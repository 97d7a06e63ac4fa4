import { getJobRun, jobRuns } from "@vitae/db";
import type { TestDatabase } from "@vitae/db/testing";
import type { Queue } from "bullmq";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { runSelfTestJob } from "./job-definitions";
import type { QueueClient } from "./queue-client";
import { useQueueClientHarness } from "./queue-client-test-setup";

const harness = useQueueClientHarness();
const { createDownClient, ageRow } = harness;
let testDb: TestDatabase;
let client: QueueClient;
let systemQueue: Queue;
beforeEach(() => {
  ({ testDb, client, systemQueue } = harness);
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
