import { AppError } from "@vitae/errors";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import {
  completeJobRun,
  failJobRun,
  getJobRun,
  insertJobRun,
  type JobRun,
  listStaleQueuedJobRuns,
  markJobRunRunning,
  touchJobRunEnqueued,
  updateJobRunProgress,
} from "./index";
import { jobRuns } from "./schema";
import { testDrivers } from "./test-drivers";

const missingId = "00000000-0000-4000-8000-000000000000";

describe.each(testDrivers)("job runs on $kind", ({ open }) => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await open();
    db = database.handle.db;
    drop = database.drop;
  });

  afterAll(async () => {
    await drop();
  });

  // Each test owns its queue name, so stale listings never see another test's rows.
  function insert(queue: string, extra: Partial<Parameters<typeof insertJobRun>[1]> = {}): Promise<JobRun> {
    return insertJobRun(db, { name: "test.do-thing", queue, payload: { n: 1 }, ...extra });
  }

  async function backdateEnqueued(id: string, seconds: number): Promise<void> {
    await db
      .update(jobRuns)
      .set({ enqueuedAt: sql`now() - make_interval(secs => ${seconds})` })
      .where(eq(jobRuns.id, id));
  }

  it("inserts a queued run with defaults and reads it back (prepared read, twice)", async () => {
    const workspaceId = "11111111-1111-4111-8111-111111111111";
    const payload = { fileId: "f", nested: { list: [1, "two", null, true] }, text: 'ünïcødé "quoted"' };
    const run = await insert("insert", { payload, workspaceId, maxAttempts: 3 });
    expect(run).toMatchObject({
      status: "queued",
      progress: 0,
      attempts: 0,
      maxAttempts: 3,
      workspaceId,
      payload,
      result: null,
      startedAt: null,
      finishedAt: null,
    });
    expect(run.enqueuedAt).toBeInstanceOf(Date);
    await expect(getJobRun(db, { id: run.id })).resolves.toEqual(run);
    await expect(getJobRun(db, { id: run.id })).resolves.toEqual(run);
    // Stored as a JSON object, not a JSON string holding the object (a classic driver double-encoding bug).
    const [kind] = await db
      .select({ type: sql<string>`jsonb_typeof(${jobRuns.payload})` })
      .from(jobRuns)
      .where(eq(jobRuns.id, run.id));
    expect(kind?.type).toBe("object");
  });

  it("returns undefined for a missing or malformed id", async () => {
    await expect(getJobRun(db, { id: missingId })).resolves.toBeUndefined();
    await expect(getJobRun(db, { id: "not-a-uuid" })).resolves.toBeUndefined();
    await expect(getJobRun(db, { id: "'; drop table job_runs; --" })).resolves.toBeUndefined();
  });

  it("walks the happy path: queued → running → progress → succeeded", async () => {
    const run = await insert("happy");
    const running = await markJobRunRunning(db, { id: run.id });
    expect(running).toMatchObject({ status: "running", attempts: 1, progress: 0 });
    expect(running?.startedAt).toBeInstanceOf(Date);

    await expect(updateJobRunProgress(db, { id: run.id, progress: 42.4, message: "Parsing" })).resolves.toBe(
      true,
    );
    expect(await getJobRun(db, { id: run.id })).toMatchObject({ progress: 42, progressMessage: "Parsing" });
    await expect(updateJobRunProgress(db, { id: run.id, progress: 50 })).resolves.toBe(true);
    expect(await getJobRun(db, { id: run.id })).toMatchObject({ progress: 50, progressMessage: "Parsing" });
    await expect(updateJobRunProgress(db, { id: run.id, progress: 60, message: null })).resolves.toBe(true);
    expect(await getJobRun(db, { id: run.id })).toMatchObject({ progress: 60, progressMessage: null });

    await expect(completeJobRun(db, { id: run.id, result: { pages: 3 } })).resolves.toBe(true);
    const done = await getJobRun(db, { id: run.id });
    expect(done).toMatchObject({ status: "succeeded", progress: 100, result: { pages: 3 } });
    expect(done?.finishedAt).toBeInstanceOf(Date);
  });

  it("clamps progress to 0–100 and rejects non-finite values", async () => {
    const run = await insert("progress");
    await markJobRunRunning(db, { id: run.id });
    await updateJobRunProgress(db, { id: run.id, progress: 250 });
    expect((await getJobRun(db, { id: run.id }))?.progress).toBe(100);
    await updateJobRunProgress(db, { id: run.id, progress: -5 });
    expect((await getJobRun(db, { id: run.id }))?.progress).toBe(0);
    const error = await updateJobRunProgress(db, { id: run.id, progress: Number.NaN }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("BAD_REQUEST");
  });

  it("never reopens a finished run and treats repeated transitions as no-ops", async () => {
    const run = await insert("guards");
    // Not running yet: progress and completion are refused.
    await expect(updateJobRunProgress(db, { id: run.id, progress: 10 })).resolves.toBe(false);
    await expect(completeJobRun(db, { id: run.id, result: 1 })).resolves.toBe(false);

    await markJobRunRunning(db, { id: run.id });
    await expect(completeJobRun(db, { id: run.id, result: "first" })).resolves.toBe(true);
    const finished = await getJobRun(db, { id: run.id });

    await expect(completeJobRun(db, { id: run.id, result: "second" })).resolves.toBe(false);
    await expect(markJobRunRunning(db, { id: run.id })).resolves.toBeUndefined();
    await expect(updateJobRunProgress(db, { id: run.id, progress: 5 })).resolves.toBe(false);
    await expect(failJobRun(db, { id: run.id, errorCode: "INTERNAL", errorMessage: "x" })).resolves.toBe(
      false,
    );
    await expect(touchJobRunEnqueued(db, { id: run.id })).resolves.toBe(false);
    await expect(getJobRun(db, { id: run.id })).resolves.toEqual(finished);
  });

  it("re-marks a redelivered running run and counts every attempt", async () => {
    const run = await insert("redelivery", { maxAttempts: 3 });
    await markJobRunRunning(db, { id: run.id });
    await updateJobRunProgress(db, { id: run.id, progress: 70, message: "Almost" });
    const again = await markJobRunRunning(db, { id: run.id });
    expect(again).toMatchObject({ status: "running", attempts: 2, progress: 0, progressMessage: null });
  });

  it("records a retryable failure, then a final one", async () => {
    const run = await insert("failures", { maxAttempts: 2 });
    await markJobRunRunning(db, { id: run.id });
    const retry = {
      id: run.id,
      errorCode: "SERVICE_UNAVAILABLE",
      errorMessage: "Try later",
      willRetry: true,
    };
    await expect(failJobRun(db, retry)).resolves.toBe(true);
    expect(await getJobRun(db, { id: run.id })).toMatchObject({
      status: "queued",
      errorCode: "SERVICE_UNAVAILABLE",
      finishedAt: null,
    });
    // A retry is only recorded for a running attempt.
    await expect(failJobRun(db, retry)).resolves.toBe(false);

    await markJobRunRunning(db, { id: run.id });
    await expect(failJobRun(db, { id: run.id, errorCode: "INTERNAL", errorMessage: "Failed" })).resolves.toBe(
      true,
    );
    const failed = await getJobRun(db, { id: run.id });
    expect(failed).toMatchObject({
      status: "failed",
      attempts: 2,
      errorCode: "INTERNAL",
      errorMessage: "Failed",
    });
    expect(failed?.finishedAt).toBeInstanceOf(Date);
    await expect(failJobRun(db, { id: run.id, errorCode: "INTERNAL", errorMessage: "Again" })).resolves.toBe(
      false,
    );
    expect((await getJobRun(db, { id: run.id }))?.errorMessage).toBe("Failed");
  });

  it("can fail a run that never started (e.g. an invalid payload found by the worker)", async () => {
    const run = await insert("fail-queued");
    const params = { id: run.id, errorCode: "JOB_PAYLOAD_INVALID", errorMessage: "Bad payload" };
    await expect(failJobRun(db, params)).resolves.toBe(true);
    expect((await getJobRun(db, { id: run.id }))?.status).toBe("failed");
    await expect(markJobRunRunning(db, { id: run.id })).resolves.toBeUndefined();
  });

  it("reports false/undefined for missing and malformed ids on every transition", async () => {
    for (const id of [missingId, "nope"]) {
      await expect(markJobRunRunning(db, { id })).resolves.toBeUndefined();
      await expect(updateJobRunProgress(db, { id, progress: 1 })).resolves.toBe(false);
      await expect(completeJobRun(db, { id })).resolves.toBe(false);
      await expect(failJobRun(db, { id, errorCode: "INTERNAL", errorMessage: "x" })).resolves.toBe(false);
      await expect(touchJobRunEnqueued(db, { id })).resolves.toBe(false);
    }
  });

  it("lists only stale queued runs, oldest first, up to the limit", async () => {
    const queue = "stale";
    const oldest = await insert(queue);
    const older = await insert(queue);
    const fresh = await insert(queue);
    const running = await insert(queue);
    const finished = await insert(queue);
    await backdateEnqueued(oldest.id, 600);
    await backdateEnqueued(older.id, 300);
    for (const id of [running.id, finished.id]) {
      await markJobRunRunning(db, { id });
      await backdateEnqueued(id, 900);
    }
    await completeJobRun(db, { id: finished.id });

    const cutoff = new Date((await getJobRun(db, { id: fresh.id }))?.enqueuedAt.getTime() ?? 0);
    const ours = (rows: JobRun[]) => rows.filter((row) => row.queue === queue).map((row) => row.id);

    const stale = await listStaleQueuedJobRuns(db, { olderThan: cutoff, limit: 100 });
    expect(ours(stale)).toEqual([oldest.id, older.id]);
    expect(stale.find((row) => row.id === oldest.id)?.payload).toEqual({ n: 1 });
    const firstPage = await listStaleQueuedJobRuns(db, { olderThan: cutoff, limit: 1 });
    expect(firstPage).toHaveLength(1);

    // Re-enqueueing restarts the clock: the run is no longer stale at the same cutoff.
    await expect(touchJobRunEnqueued(db, { id: oldest.id })).resolves.toBe(true);
    expect(ours(await listStaleQueuedJobRuns(db, { olderThan: cutoff, limit: 100 }))).toEqual([older.id]);
  });

  it("enforces the progress range in the database itself", async () => {
    const run = await insert("check");
    await expect(db.update(jobRuns).set({ progress: 101 }).where(eq(jobRuns.id, run.id))).rejects.toThrow();
  });
});
