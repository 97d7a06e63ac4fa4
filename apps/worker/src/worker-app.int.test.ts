import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getJobRun } from "@vitae/db";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { createLogger } from "@vitae/logger";
import { createQueueClient, runSelfTestJob } from "@vitae/queue";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadWorkerConfig } from "./config";
import { getFreePort, waitFor } from "./test-support";
import { createWorkerApp } from "./worker-app";

const logger = createLogger({ level: "silent", format: "json", name: "worker-app-test" });
let testDb: TestDatabase;
let dataDir: string;
let prefix: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), "vitae-worker-"));
  prefix = createTestPrefix();
});

afterAll(async () => {
  const redis = createRedis(getTestRedisUrl(), { role: "client" });
  await once(redis, "ready");
  await deleteKeysByPrefix(redis, prefix);
  await redis.quit();
  await testDb.drop();
  await rm(dataDir, { recursive: true, force: true });
});

function configFor(env: Record<string, string>) {
  return loadWorkerConfig({
    NODE_ENV: "test",
    DATABASE_URL: testDb.url,
    DATA_DIR: dataDir,
    REDIS_URL: getTestRedisUrl(),
    REDIS_KEY_PREFIX: prefix,
    ...env,
  });
}

it("starts, reports ready, runs a self-test, serves metrics and stops", async () => {
  const port = await getFreePort();
  const app = createWorkerApp(configFor({ WORKER_HEALTH_PORT: String(port) }), { logger });
  const { healthPort } = await app.start();
  expect(healthPort).toBe(port);
  const base = `http://127.0.0.1:${port}`;

  const readiness = await fetch(`${base}/readyz`);
  expect(readiness.status).toBe(200);
  expect(await readiness.json()).toMatchObject({ components: { postgres: "up" } });

  const producer = createRedis(getTestRedisUrl(), { role: "producer" });
  await once(producer, "ready");
  const queue = createQueueClient({ db: testDb.handle.db, redis: producer, prefix, logger });
  const { jobRunId } = await queue.enqueue(runSelfTestJob, {});
  const row = await waitFor(
    () => getJobRun(testDb.handle.db, { id: jobRunId }),
    (value) => value?.status === "succeeded" || value?.status === "failed",
  );
  await queue.close();
  await producer.quit();
  expect(row?.status).toBe("succeeded");

  const metrics = await (await fetch(`${base}/metrics`)).text();
  expect(metrics).toMatch(/jobs_total\{[^}]*outcome="completed"[^}]*\} 1/);

  await app.stop();
  await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  // Idempotent: a second stop (e.g. SIGTERM then SIGINT) resolves without touching closed pools.
  await app.stop();
});

it("fails to start when Redis is unreachable, releasing what it opened", async () => {
  const app = createWorkerApp(
    configFor({ REDIS_URL: "redis://127.0.0.1:1", WORKER_HEALTH_PORT: String(await getFreePort()) }),
    { logger },
  );
  await expect(app.start()).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
});
