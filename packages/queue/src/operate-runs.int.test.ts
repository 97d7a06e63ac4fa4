import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createExport, failJobRun, getExport, getJobRun, markJobRunRunning } from "@vitae/db";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import { Queue } from "bullmq";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOwnedWorkspace, silentTestLogger, useExhaustedTestDatabase } from "./exhausted-test-setup";
import { renderProfileExportJob } from "./export-jobs";
import { prepareJobRun } from "./prepare-job-run";
import { bullPrefixFor, createQueueClient, type QueueClient } from "./queue-client";

const logger = silentTestLogger("operate-runs-test");
const testDatabase = useExhaustedTestDatabase();

let prefix: string;
let producer: ReturnType<typeof createRedis>;
let client: QueueClient;
let exportsQueue: Queue;

beforeEach(async () => {
  prefix = createTestPrefix();
  producer = createRedis(getTestRedisUrl(), { role: "producer" });
  await once(producer, "ready");
  client = createQueueClient({ db: testDatabase(), redis: producer, prefix, logger });
  exportsQueue = new Queue("exports", { connection: producer, prefix: bullPrefixFor(prefix) });
});

afterEach(async () => {
  await client.close();
  await exportsQueue.close();
  await deleteKeysByPrefix(producer, prefix);
  await producer.quit();
});

/**
 * A profile export whose first attempt failed with a retryable error, as the worker's processor leaves
 * it: the run `queued` with the error, and its BullMQ job delayed by the backoff (an hour here).
 */
async function exportAwaitingRetry(): Promise<{ workspaceId: string; exportId: string }> {
  const db = testDatabase();
  const workspaceId = await createOwnedWorkspace(db, "Operations");
  const exportId = randomUUID();
  await createExport(db, {
    id: exportId,
    workspaceId,
    createdBy: null,
    source: { kind: "profile", profileId: randomUUID(), format: "pdf", template: "classic" },
    contentType: "application/pdf",
    filename: "resume.pdf",
    ttlSeconds: 3600,
    storedBytesLimit: 1000,
    run: prepareJobRun(renderProfileExportJob, { exportId }, { jobRunId: exportId, workspaceId }),
    audit: { workspaceId, actorType: "user", actorId: null, action: "exports.create" },
  });
  await markJobRunRunning(db, { id: exportId });
  await failJobRun(db, {
    id: exportId,
    errorCode: "SERVICE_UNAVAILABLE",
    errorMessage: "Storage did not answer.",
    willRetry: true,
  });
  await exportsQueue.add(renderProfileExportJob.name, { exportId }, { jobId: exportId, delay: 3_600_000 });
  return { workspaceId, exportId };
}

describe("retryFailedRun", () => {
  it("hands a run waiting out its backoff to the queue now, keeping its attempts", async () => {
    const ref = await exportAwaitingRetry();
    expect(await exportsQueue.getJobState(ref.exportId)).toBe("delayed");
    const seen: string[] = [];
    await client.retryFailedRun(ref.exportId, {
      withinTransaction: async (_tx, run) => {
        seen.push(run.id);
      },
    });
    expect(seen).toEqual([ref.exportId]);
    expect(await exportsQueue.getJobState(ref.exportId)).toBe("waiting");
    expect((await exportsQueue.getJob(ref.exportId))?.data).toEqual({ exportId: ref.exportId });
    expect(await getJobRun(testDatabase(), { id: ref.exportId })).toMatchObject({
      status: "queued",
      attempts: 1,
      errorCode: "SERVICE_UNAVAILABLE",
    });
  });

  it("refuses a run a worker is running, and leaves its job alone", async () => {
    const ref = await exportAwaitingRetry();
    await markJobRunRunning(testDatabase(), { id: ref.exportId });
    await expect(client.retryFailedRun(ref.exportId)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await exportsQueue.getJobState(ref.exportId)).toBe("delayed");
  });

  it("answers NOT_FOUND for no such run", async () => {
    await expect(client.retryFailedRun(randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("discardFailedRun", () => {
  it("fails the run for good with its job's onExhausted, and removes its delayed job", async () => {
    const ref = await exportAwaitingRetry();
    await client.discardFailedRun(ref.exportId);
    expect(await getJobRun(testDatabase(), { id: ref.exportId })).toMatchObject({
      status: "failed",
      errorCode: "SERVICE_UNAVAILABLE",
    });
    expect(await getExport(testDatabase(), ref)).toMatchObject({
      status: "failed",
      errorCode: "EXPORT_FAILED",
    });
    expect(await exportsQueue.getJobState(ref.exportId)).toBe("unknown");
    await expect(client.discardFailedRun(ref.exportId)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("changes nothing when the caller's write in the same transaction fails", async () => {
    const ref = await exportAwaitingRetry();
    const failing = client.discardFailedRun(ref.exportId, {
      withinTransaction: async () => {
        throw new Error("audit insert failed");
      },
    });
    await expect(failing).rejects.toThrow("audit insert failed");
    expect(await getJobRun(testDatabase(), { id: ref.exportId })).toMatchObject({ status: "queued" });
    expect(await getExport(testDatabase(), ref)).toMatchObject({ status: "queued" });
    expect(await exportsQueue.getJobState(ref.exportId)).toBe("delayed");
  });
});
