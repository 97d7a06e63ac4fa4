import { insertJobRun } from "@vitae/db";
import type { TestDatabase } from "@vitae/db/testing";
import { AppError, defaultMessageFor } from "@vitae/errors";
import { type QueueClient, runSelfTestJob } from "@vitae/queue";
import type { ObjectStore } from "@vitae/storage";
import type { Queue } from "bullmq";
import { beforeEach, describe, expect, it } from "vitest";
import { selfTestObjectKey } from "./handlers/run-self-test";
import { waitFor } from "./testing/fixtures";
import { useWorkersHarness } from "./testing/workers-harness";

const harness = useWorkersHarness();
const { start, storeWith, waitForFinishedRow, jobsTotal } = harness;
let testDb: TestDatabase;
let disk: ObjectStore;
let queueClient: QueueClient;
let systemQueue: Queue;
beforeEach(() => {
  ({ testDb, disk, queueClient, systemQueue } = harness);
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
