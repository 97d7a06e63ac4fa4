import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jobRuns } from "@vitae/db";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { unconfiguredLlmClient } from "@vitae/llm";
import { createLogger } from "@vitae/logger";
import { bullPrefixFor, jobSchedules, scheduleQueueName, sweepStaleUploadsJob } from "@vitae/queue";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import { createDiskStore } from "@vitae/storage";
import { Queue } from "bullmq";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIdForTick } from "./job-schedules";
import { type RunningWorkers, startWorkers } from "./start-workers";

const logger = createLogger({ level: "silent", format: "json", name: "schedules-test" });

let testDb: TestDatabase;
let rootDir: string;
let prefix: string;
let producer: ReturnType<typeof createRedis>;
const running: RunningWorkers[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  rootDir = await mkdtemp(join(tmpdir(), "vitae-schedules-"));
  prefix = createTestPrefix();
  producer = createRedis(getTestRedisUrl(), { role: "producer" });
  await once(producer, "ready");
});

afterAll(async () => {
  for (const workers of running.splice(0)) await workers.close();
  await deleteKeysByPrefix(producer, prefix);
  await producer.quit();
  await rm(rootDir, { recursive: true, force: true });
  await testDb.drop();
});

function startProcess(): Promise<RunningWorkers> {
  return startWorkers({
    db: testDb.handle.db,
    storage: createDiskStore({ rootDir, signingSecret: "s".repeat(32), publicUrl: "http://127.0.0.1:3000" }),
    services: { llm: unconfiguredLlmClient, extraction: { timeoutMs: 20_000, maxMemoryMb: 256 } },
    redisUrl: getTestRedisUrl(),
    prefix,
    logger,
    concurrency: 1,
    reconcile: { intervalMs: 60_000, staleAfterMs: 60_000 },
  });
}

async function sweepRuns() {
  return testDb.handle.db
    .select({ id: jobRuns.id, status: jobRuns.status })
    .from(jobRuns)
    .where(eq(jobRuns.name, sweepStaleUploadsJob.name));
}

describe("job schedules", () => {
  it("registers each schedule once across worker processes and turns a tick into one ordinary run", async () => {
    running.push(await startProcess(), await startProcess());
    const queue = new Queue(scheduleQueueName, { connection: producer, prefix: bullPrefixFor(prefix) });
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((scheduler) => [scheduler.key, Number(scheduler.every)])).toEqual(
        jobSchedules.map((schedule) => [schedule.id, schedule.everyMs]),
      );
    } finally {
      await queue.close();
    }
    // An `every` scheduler ticks at once; its run is a job_runs row like any other, and succeeds.
    let runs = await sweepRuns();
    for (let poll = 0; poll < 300 && !runs.some((run) => run.status === "succeeded"); poll += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      runs = await sweepRuns();
    }
    expect(runs).toHaveLength(1);
    expect(runs[0]?.status).toBe("succeeded");
  });

  it("derives the same run id from the same tick, so a redelivered tick runs nothing twice", () => {
    const id = runIdForTick("storage.sweep-stale-uploads", "repeat:abc:1700000000000");
    expect(id).toBe(runIdForTick("storage.sweep-stale-uploads", "repeat:abc:1700000000000"));
    expect(id).not.toBe(runIdForTick("storage.sweep-stale-uploads", "repeat:abc:1700000600000"));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
