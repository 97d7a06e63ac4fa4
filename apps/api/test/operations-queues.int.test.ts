import {
  auditLog,
  createDb,
  type DbHandle,
  failJobRun,
  getJobRun,
  insertJobRun,
  markJobRunRunning,
} from "@vitae/db";
import { runSelfTestJob } from "@vitae/queue";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { call, signUp, type TestUser } from "./identity";

interface FailedRun {
  id: string;
  name: string;
  queue: string;
  status: string;
  attempts: number;
  maxAttempts: number;
  errorCode: string | null;
  errorMessage: string | null;
}

let api: TestApi;
let handle: DbHandle;
let operator: TestUser;
let stranger: TestUser;

/**
 * A self-test run whose first attempt failed with a retryable error: the very writes the worker's
 * processor makes (attempt started, then failed with `willRetry`). Its BullMQ job is not there — as when
 * a delayed retry was lost — so only the operator's retry (or the reconciler, slowed down here) moves it.
 */
async function runAwaitingRetry(): Promise<string> {
  const run = await insertJobRun(handle.db, {
    name: runSelfTestJob.name,
    queue: runSelfTestJob.queue,
    payload: { probeBytes: 1024 },
    maxAttempts: 2,
  });
  await markJobRunRunning(handle.db, { id: run.id });
  await failJobRun(handle.db, {
    id: run.id,
    errorCode: "SERVICE_UNAVAILABLE",
    errorMessage: "Object storage did not answer.",
    willRetry: true,
  });
  return run.id;
}

async function listFailed(user: TestUser): Promise<FailedRun[]> {
  const result = await call(api, "operations.queues", { cookie: user.cookie });
  expect(result.status).toBe(200);
  return result.body.result.data.failedRuns;
}

async function auditActions(jobRunId: string): Promise<string[]> {
  const rows = await handle.db
    .select({ action: auditLog.action, actorId: auditLog.actorId })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "job_run"), eq(auditLog.targetId, jobRunId)));
  for (const row of rows) expect(row.actorId).toBe(operator.userId);
  return rows.map((row) => row.action);
}

beforeAll(async () => {
  // The reconciler would re-dispatch the run on its own; the operator must be the one who does.
  api = await startTestApi({ env: { RECONCILE_INTERVAL_MS: "3600000" } });
  handle = createDb({ databaseUrl: api.databaseUrl ?? "", dataDir: "/tmp", poolMax: 2 });
  operator = await signUp(api, "Operator");
  stranger = await signUp(api, "Stranger");
}, 60_000);

afterAll(async () => {
  await handle?.close();
  await api?.cleanup();
});

describe("operations queue view", () => {
  it("lists every queue's counts and failed runs without their payloads", async () => {
    const jobRunId = await runAwaitingRetry();
    const result = await call(api, "operations.queues", { cookie: operator.cookie });
    expect(result.status).toBe(200);
    const { queues, failedRuns } = result.body.result.data;
    expect(queues.map((queue: { name: string }) => queue.name)).toContain("system");
    expect(failedRuns).toContainEqual(
      expect.objectContaining({
        id: jobRunId,
        name: "system.run-self-test",
        queue: "system",
        status: "queued",
        attempts: 1,
        maxAttempts: 2,
        errorCode: "SERVICE_UNAVAILABLE",
        errorMessage: "Object storage did not answer.",
      }),
    );
    expect(JSON.stringify(result.body)).not.toContain("probeBytes");
  });

  it("retries a failed run, which then succeeds, and audits it", async () => {
    const jobRunId = await runAwaitingRetry();
    const retried = await call(api, "operations.retryJob", {
      cookie: operator.cookie,
      type: "mutation",
      input: { jobRunId },
    });
    expect(retried.status).toBe(200);
    let status = (await getJobRun(handle.db, { id: jobRunId }))?.status;
    for (let waited = 0; status !== "succeeded" && status !== "failed" && waited < 30_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await getJobRun(handle.db, { id: jobRunId }))?.status;
    }
    const row = await getJobRun(handle.db, { id: jobRunId });
    expect(row).toMatchObject({ status: "succeeded", attempts: 2, errorCode: null });
    expect((await listFailed(operator)).map((run) => run.id)).not.toContain(jobRunId);
    expect(await auditActions(jobRunId)).toEqual(["operations.job-retry"]);
  }, 60_000);

  it("discards a failed run for good, audits it, and refuses to act on it again", async () => {
    const jobRunId = await runAwaitingRetry();
    const discarded = await call(api, "operations.discardJob", {
      cookie: operator.cookie,
      type: "mutation",
      input: { jobRunId },
    });
    expect(discarded.status).toBe(200);
    const row = await getJobRun(handle.db, { id: jobRunId });
    expect(row).toMatchObject({ status: "failed", attempts: 1, errorCode: "SERVICE_UNAVAILABLE" });
    expect(row?.finishedAt).toBeInstanceOf(Date);
    expect((await listFailed(operator)).find((run) => run.id === jobRunId)?.status).toBe("failed");
    expect(await auditActions(jobRunId)).toEqual(["operations.job-discard"]);

    for (const path of ["operations.retryJob", "operations.discardJob"]) {
      const again = await call(api, path, { cookie: operator.cookie, type: "mutation", input: { jobRunId } });
      expect(again.status).toBe(409);
      expect(again.body.error.data.code).toBe("CONFLICT");
    }
    expect(await auditActions(jobRunId)).toEqual(["operations.job-discard"]);
  });

  it("answers NOT_FOUND for an unknown run and BAD_REQUEST for a malformed id", async () => {
    const unknown = await call(api, "operations.retryJob", {
      cookie: operator.cookie,
      type: "mutation",
      input: { jobRunId: "6f1d1b0e-0000-4000-8000-000000000000" },
    });
    expect(unknown.status).toBe(404);
    const malformed = await call(api, "operations.discardJob", {
      cookie: operator.cookie,
      type: "mutation",
      input: { jobRunId: "not-an-id" },
    });
    expect(malformed.status).toBe(400);
  });

  it("refuses a signed-in user who does not operate the instance, and changes nothing", async () => {
    const jobRunId = await runAwaitingRetry();
    expect((await call(api, "operations.queues", { cookie: stranger.cookie })).status).toBe(403);
    for (const path of ["operations.retryJob", "operations.discardJob"]) {
      const refused = await call(api, path, {
        cookie: stranger.cookie,
        type: "mutation",
        input: { jobRunId },
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error.data.code).toBe("FORBIDDEN");
    }
    expect(await getJobRun(handle.db, { id: jobRunId })).toMatchObject({ status: "queued", attempts: 1 });
    expect(await auditActions(jobRunId)).toEqual([]);
  });
});
