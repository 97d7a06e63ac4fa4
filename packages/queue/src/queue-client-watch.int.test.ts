import { completeJobRun, markJobRunRunning, updateJobRunProgress } from "@vitae/db";
import type { TestDatabase } from "@vitae/db/testing";
import { createRedis } from "@vitae/redis";
import { getTestRedisUrl } from "@vitae/redis/testing";
import { Worker } from "bullmq";
import { beforeEach, describe, expect, it } from "vitest";
import { runSelfTestJob } from "./job-definitions";
import type { JobStatusSnapshot } from "./job-status";
import { bullPrefixFor, type QueueClient } from "./queue-client";
import { useQueueClientHarness } from "./queue-client-test-setup";

const harness = useQueueClientHarness();
const { cleanups } = harness;
let testDb: TestDatabase;
let prefix: string;
let client: QueueClient;
beforeEach(() => {
  ({ testDb, prefix, client } = harness);
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
