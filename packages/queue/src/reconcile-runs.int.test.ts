import { randomBytes } from "node:crypto";
import { once } from "node:events";
import {
  createWorkspaceWithOwner,
  type Database,
  getDocument,
  getJobRun,
  insertDocument,
  jobRuns,
  markDocumentFinalized,
  markDocumentProcessing,
  markJobRunRunning,
  users,
} from "@vitae/db";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { createLogger } from "@vitae/logger";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import { Queue, UnrecoverableError } from "bullmq";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ingestDocumentJob, runSelfTestJob } from "./job-definitions";
import { bullPrefixFor, createQueueClient, type QueueClient } from "./queue-client";

const logger = createLogger({ level: "silent", format: "json", name: "reconcile-test" });

let testDb: TestDatabase;
let db: Database;
let prefix: string;
let producer: ReturnType<typeof createRedis>;
let client: QueueClient;
let queues: Record<"system" | "documents", Queue>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.handle.db;
});

afterAll(async () => {
  await testDb.drop();
});

beforeEach(async () => {
  prefix = createTestPrefix();
  producer = createRedis(getTestRedisUrl(), { role: "producer" });
  await once(producer, "ready");
  client = createQueueClient({ db, redis: producer, prefix, logger });
  const connection = { connection: producer, prefix: bullPrefixFor(prefix) };
  queues = { system: new Queue("system", connection), documents: new Queue("documents", connection) };
});

afterEach(async () => {
  // Each test counts what one pass finds: rows from earlier tests must not be in it.
  await db.delete(jobRuns);
  await client.close();
  await Promise.all(Object.values(queues).map((queue) => queue.close()));
  await deleteKeysByPrefix(producer, prefix);
  await producer.quit();
});

/** Moves a row's clocks an hour back, as if it had been waiting (or running) that long. */
async function age(id: string): Promise<void> {
  await db
    .update(jobRuns)
    .set({ enqueuedAt: sql`now() - interval '1 hour'`, startedAt: sql`now() - interval '1 hour'` })
    .where(eq(jobRuns.id, id));
}

/** Moves a waiting job to active, as a worker taking it would; `lockedBy` also takes its lock. */
async function activate(queue: Queue, id: string, lockedBy?: string): Promise<void> {
  const steps = producer.multi().lrem(queue.toKey("wait"), 0, id).rpush(queue.toKey("active"), id);
  if (lockedBy !== undefined) steps.set(`${queue.toKey(id)}:lock`, lockedBy, "PX", 60_000);
  await steps.exec();
}

/** Makes BullMQ's copy of a job `failed`, as after its attempts ran out (or its workers died twice). */
async function failInBullmq(queue: Queue, id: string): Promise<void> {
  const job = await queue.getJob(id);
  if (job === undefined) throw new Error(`no job ${id}`);
  await activate(queue, id);
  // Token "0" skips BullMQ's lock check: no worker holds this job.
  await job.moveToFailed(new UnrecoverableError("job stalled more than allowable limit"), "0", false);
  expect(await queue.getJobState(id)).toBe("failed");
}

/** A finalized document in a new workspace, waiting for its first ingest run (id = document id). */
async function insertFinalizedDocument(): Promise<{ workspaceId: string; documentId: string }> {
  const [user] = await db
    .insert(users)
    .values({ email: `r-${randomBytes(5).toString("hex")}@example.com`, name: "R" })
    .returning({ id: users.id });
  const workspace = await createWorkspaceWithOwner(db, { name: "Reconcile", ownerId: user?.id ?? "" });
  const document = await insertDocument(db, {
    workspaceId: workspace.id,
    uploadedBy: null,
    filename: "cv.txt",
    contentType: "text/plain",
    size: 10,
  });
  const ref = { workspaceId: workspace.id, documentId: document.id };
  await markDocumentFinalized(db, ref);
  return ref;
}

describe("reconcileStaleJobs repairs runs BullMQ will never deliver again", () => {
  it("re-dispatches a queued row whose BullMQ job failed while attempts remain", async () => {
    const { jobRunId } = await client.enqueue(runSelfTestJob, {});
    await failInBullmq(queues.system, jobRunId);
    await age(jobRunId);

    const result = await client.reconcileStaleJobs({ olderThanMs: 60_000 });

    expect(result).toMatchObject({ scanned: 1, dispatched: 1, alreadyQueued: 0 });
    expect(await queues.system.getJobState(jobRunId)).toBe("waiting");
    expect((await getJobRun(db, { id: jobRunId }))?.status).toBe("queued");
  });

  it("requeues a running row whose job failed, vanished or lost its lock", async () => {
    const failed = await client.enqueue(runSelfTestJob, {});
    const vanished = await client.enqueue(runSelfTestJob, {});
    const unlocked = await client.enqueue(runSelfTestJob, {});
    await failInBullmq(queues.system, failed.jobRunId);
    await queues.system.remove(vanished.jobRunId);
    // Active with no lock: what a worker killed mid-job leaves behind until a stall check.
    await activate(queues.system, unlocked.jobRunId);
    for (const { jobRunId } of [failed, vanished, unlocked]) {
      await markJobRunRunning(db, { id: jobRunId });
      await age(jobRunId);
    }

    const result = await client.reconcileStaleJobs({ olderThanMs: 60_000 });

    expect(result).toMatchObject({ scanned: 3, dispatched: 3, exhausted: 0 });
    for (const { jobRunId } of [failed, vanished, unlocked]) {
      expect(await queues.system.getJobState(jobRunId)).toBe("waiting");
      expect(await getJobRun(db, { id: jobRunId })).toMatchObject({ status: "queued", attempts: 1 });
    }
  });

  it("leaves a running row alone while its job is locked by a live worker", async () => {
    const { jobRunId } = await client.enqueue(runSelfTestJob, {});
    await activate(queues.system, jobRunId, "live-worker");
    await markJobRunRunning(db, { id: jobRunId });
    await age(jobRunId);

    expect(await client.reconcileStaleJobs({ olderThanMs: 60_000 })).toMatchObject({
      scanned: 1,
      alreadyQueued: 1,
      dispatched: 0,
    });
    expect((await getJobRun(db, { id: jobRunId }))?.status).toBe("running");
  });

  it("fails an exhausted ingest run for good and its document with it (onExhausted)", async () => {
    const ref = await insertFinalizedDocument();
    const { jobRunId } = await client.enqueue(
      ingestDocumentJob,
      { documentId: ref.documentId },
      { workspaceId: ref.workspaceId, jobRunId: ref.documentId },
    );
    // Three deliveries started and the document began processing; then the job vanished from Redis.
    for (let attempt = 0; attempt < 3; attempt++) await markJobRunRunning(db, { id: jobRunId });
    await markDocumentProcessing(db, ref);
    await queues.documents.remove(jobRunId);
    await age(jobRunId);

    const result = await client.reconcileStaleJobs({ olderThanMs: 60_000 });

    expect(result).toMatchObject({ scanned: 1, exhausted: 1, dispatched: 0 });
    expect(await getJobRun(db, { id: jobRunId })).toMatchObject({ status: "failed", errorCode: "INTERNAL" });
    expect(await getDocument(db, ref)).toMatchObject({
      status: "failed",
      errorCode: "INTERNAL",
      errorMessage: expect.any(String),
    });
    // Finished runs are not the reconciler's business any more.
    expect(await client.reconcileStaleJobs({ olderThanMs: 60_000 })).toMatchObject({ scanned: 0 });
  });
});
