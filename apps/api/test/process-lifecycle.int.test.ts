import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getFreePort } from "./harness";
import { readJson } from "./json";
import { spawnApi, startPrivateRedis, waitForStatus } from "./processes";

let dataDir: string;
let database: TestDatabase;
const prefixes: string[] = [];

/** A Redis key prefix for one spawned API, deleted after the file's tests. */
function testPrefix(): string {
  const prefix = createTestPrefix();
  prefixes.push(prefix);
  return prefix;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "vitae-process-test-"));
  database = await createTestDatabase();
});
afterAll(async () => {
  const redis = createRedis(getTestRedisUrl(), { role: "client" });
  await once(redis, "ready");
  for (const prefix of prefixes) await deleteKeysByPrefix(redis, prefix);
  await redis.quit();
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("boot failures", () => {
  it("exits 1 naming every invalid variable", async () => {
    const api = spawnApi({ DATA_DIR: dataDir, PORT: "99999", REDIS_URL: "http://not-redis" });
    expect(await api.exited).toBe(1);
    expect(api.output()).toContain("PORT");
    expect(api.output()).toContain("REDIS_URL");
    expect(api.output()).not.toMatch(/at .*\.ts:\d+/);
  });

  it("exits 1 with instructions when Redis is unreachable", async () => {
    const port = await getFreePort();
    const api = spawnApi({
      DATA_DIR: dataDir,
      PORT: String(await getFreePort()),
      REDIS_URL: `redis://127.0.0.1:${port}`,
    });
    expect(await api.exited).toBe(1);
    expect(api.output()).toContain(`Redis is not reachable at redis://127.0.0.1:${port}`);
    expect(api.output()).toContain("REDIS_URL");
  });
});

describe("readiness follows Redis", () => {
  it("turns 503 when Redis stops and 200 again when it returns, without a restart", async () => {
    const redis = await startPrivateRedis();
    const port = await getFreePort();
    const api = spawnApi({
      DATA_DIR: dataDir,
      PORT: String(port),
      REDIS_URL: redis.url,
      DATABASE_URL: database.url,
      READINESS_TIMEOUT_MS: "500",
    });
    const readyz = `http://127.0.0.1:${port}/readyz`;
    try {
      expect(await waitForStatus(readyz, 200)).toBe(true);
      await redis.stop();
      expect(await waitForStatus(readyz, 503)).toBe(true);
      const body = await readJson(await fetch(readyz));
      expect(body).toEqual({
        status: "unavailable",
        components: { postgres: "up", redis: "down", storage: "up" },
        llm: { available: false, breaker: "closed" },
      });
      const restarted = await startPrivateRedis(redis.port);
      expect(await waitForStatus(readyz, 200)).toBe(true);
      api.child.kill("SIGTERM");
      expect(await api.exited).toBe(0);
      await restarted.stop();
    } finally {
      api.child.kill("SIGKILL");
    }
  });
});

/** One request on its own connection; resolves with the status or the network error code. */
function probe(port: number): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path: "/trpc/system.status", agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", () => resolve("RESPONSE_ABORTED"));
    });
    req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "ERROR"));
    req.end();
  });
}

describe("graceful shutdown", () => {
  it("finishes in-flight requests under load and exits 0, with a drain period a load balancer can see", async () => {
    const port = await getFreePort();
    const api = spawnApi({
      DATA_DIR: dataDir,
      PORT: String(port),
      REDIS_URL: getTestRedisUrl(),
      REDIS_KEY_PREFIX: testPrefix(),
      DATABASE_URL: database.url,
      SHUTDOWN_DRAIN_MS: "1500",
    });
    try {
      expect(await waitForStatus(`http://127.0.0.1:${port}/readyz`, 200)).toBe(true);
      const outcomes: (number | string)[] = [];
      // Models a load balancer: it health-checks every 100 ms and stops routing once /readyz is not 200.
      let routing = true;
      const healthCheck = (async () => {
        while (routing) {
          const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
            (response) => response.status,
            () => 0,
          );
          if (status !== 200) routing = false;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      const loops = Array.from({ length: 16 }, async () => {
        while (routing) outcomes.push(await probe(port));
      });
      await new Promise((resolve) => setTimeout(resolve, 750));
      const beforeSignal = outcomes.length;
      api.child.kill("SIGTERM");
      const exitCode = await api.exited;
      routing = false;
      await Promise.all([...loops, healthCheck]);

      expect(exitCode).toBe(0);
      expect(beforeSignal).toBeGreaterThan(0);
      // Every request that was routed got a complete answer: no reset, refused or aborted request.
      expect(outcomes.filter((outcome) => outcome !== 200)).toEqual([]);
    } finally {
      api.child.kill("SIGKILL");
    }
  });

  it("ends open subscriptions cleanly so shutdown is not held up by them", async () => {
    const port = await getFreePort();
    const api = spawnApi({
      DATA_DIR: dataDir,
      PORT: String(port),
      REDIS_URL: getTestRedisUrl(),
      REDIS_KEY_PREFIX: testPrefix(),
      DATABASE_URL: database.url,
      SHUTDOWN_TIMEOUT_MS: "20000",
    });
    try {
      expect(await waitForStatus(`http://127.0.0.1:${port}/readyz`, 200)).toBe(true);
      // No worker runs in this process, so the run stays queued and its stream stays open.
      const started = await fetch(`http://127.0.0.1:${port}/trpc/system.selfTest`, {
        method: "POST",
        headers: { "content-type": "application/json" },
      });
      const { jobRunId } = (await readJson(started)).result.data;
      const input = encodeURIComponent(JSON.stringify({ jobRunId }));
      const stream = await fetch(`http://127.0.0.1:${port}/trpc/system.selfTestProgress?input=${input}`);
      const reader = stream.body?.getReader();
      await reader?.read();
      api.child.kill("SIGTERM");
      // Exit 0, not the deadline's exit 1: the stream ended on shutdown instead of holding it open.
      expect(await api.exited).toBe(0);
      await reader?.cancel().catch(() => undefined);
    } finally {
      api.child.kill("SIGKILL");
    }
  });
});
