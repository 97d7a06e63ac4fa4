import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readProcessEnv } from "@vitae/config";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getFreePort, waitFor } from "./test-support";

const workerDir = fileURLToPath(new URL("..", import.meta.url));
let testDb: TestDatabase;
let dataDir: string;
let prefix: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), "vitae-worker-main-"));
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

/** Runs `node --max-semi-space-size=16 --import tsx src/main.ts` as production does, collecting its output. */
function spawnWorker(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = "";
  const { DATABASE_URL: _ignored, ...inherited } = readProcessEnv();
  const child = spawn(process.execPath, ["--max-semi-space-size=16", "--import", "tsx", "src/main.ts"], {
    cwd: workerDir,
    env: { ...inherited, NODE_ENV: "test", LOG_FORMAT: "json", DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, output: () => output };
}

async function exitCodeOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const [code] = (await once(child, "exit")) as [number | null];
  return code;
}

it("serves /healthz and /readyz, then exits 0 on SIGTERM", async () => {
  const port = await getFreePort();
  const { child, output } = spawnWorker({
    DATABASE_URL: testDb.url,
    REDIS_URL: getTestRedisUrl(),
    REDIS_KEY_PREFIX: prefix,
    WORKER_HEALTH_PORT: String(port),
  });
  const exited = exitCodeOf(child);
  try {
    const health = await waitFor(
      () => fetch(`http://127.0.0.1:${port}/healthz`),
      (response) => response.status === 200,
    );
    expect(health.status).toBe(200);
    const readiness = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(readiness.status).toBe(200);
    expect(await readiness.json()).toEqual({
      status: "ready",
      components: { postgres: "up", redis: "up", storage: "up" },
    });

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output()).toContain("worker stopped");
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
  }
}, 60_000);

it("exits 1 with one log line naming the missing variable", async () => {
  const { child, output } = spawnWorker({ WORKER_HEALTH_PORT: String(await getFreePort()) });

  expect(await exitCodeOf(child)).toBe(1);
  const lines = output().trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
    level: 60,
    msg: expect.stringContaining("DATABASE_URL is required by the worker"),
  });
}, 60_000);
