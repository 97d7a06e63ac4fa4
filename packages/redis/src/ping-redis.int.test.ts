import { once } from "node:events";
import { AppError } from "@vitae/errors";
import type { Redis } from "ioredis";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createRedis } from "./create-redis";
import { pingRedis } from "./ping-redis";
import { getClosedPort, startSilentServer, type TestServer } from "./test-servers";
import { getTestRedisUrl } from "./testing";

const opened: Redis[] = [];
const servers: TestServer[] = [];

afterEach(async () => {
  vi.useRealTimers();
  for (const redis of opened.splice(0)) redis.disconnect();
  for (const server of servers.splice(0)) await server.close();
});

function open(url: string, role: "client" | "producer" | "worker"): Redis {
  const redis = createRedis(url, { role });
  opened.push(redis);
  return redis;
}

async function expectUnavailable(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("SERVICE_UNAVAILABLE");
  expect((error as AppError).cause).toBeDefined();
}

/** Proves the deadline, not a wall clock, settles the ping: pending just before it, rejected at it. */
async function expectRejectedAtDeadline(redis: Redis, timeoutMs: number): Promise<void> {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  let settled = false;
  const result = pingRedis(redis, timeoutMs).finally(() => {
    settled = true;
  });
  result.catch(() => undefined);
  await vi.advanceTimersByTimeAsync(timeoutMs - 1);
  expect(settled).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(settled).toBe(true);
  await expectUnavailable(result);
}

describe("pingRedis", () => {
  it.each(["client", "producer", "worker"] as const)("resolves against a live Redis (%s)", async (role) => {
    const redis = open(getTestRedisUrl(), role);
    await once(redis, "ready");
    await expect(pingRedis(redis, 2000)).resolves.toBeUndefined();
  });

  it.each(["client", "producer"] as const)("rejects a fail-fast %s on a closed port", async (role) => {
    const port = await getClosedPort();
    await expectUnavailable(pingRedis(open(`redis://127.0.0.1:${port}`, role), 60_000));
  });

  it("rejects a worker on a closed port at the deadline (its commands would wait forever)", async () => {
    const port = await getClosedPort();
    await expectRejectedAtDeadline(open(`redis://127.0.0.1:${port}`, "worker"), 300);
  });

  it("rejects at the deadline when Redis accepts but never answers", async () => {
    const server = await startSilentServer();
    servers.push(server);
    await expectRejectedAtDeadline(open(`redis://127.0.0.1:${server.port}`, "worker"), 300);
  });

  it("rejects once the connection has been closed", async () => {
    const redis = open(getTestRedisUrl(), "client");
    await once(redis, "ready");
    await pingRedis(redis, 2000);
    await redis.quit();
    await expectUnavailable(pingRedis(redis, 60_000));
  });
});
