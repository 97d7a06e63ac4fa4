import { once } from "node:events";
import { isAppError } from "@vitae/errors";
import type { Redis } from "ioredis";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createRedis, maxReconnectDelayMs } from "./create-redis";
import { pingRedis } from "./ping-redis";
import { getClosedPort, startTcpProxy, type TestServer } from "./test-servers";
import { getTestRedisUrl } from "./testing";

const opened: Redis[] = [];
const servers: TestServer[] = [];

function track(redis: Redis): Redis {
  opened.push(redis);
  return redis;
}

afterEach(async () => {
  for (const redis of opened.splice(0)) redis.disconnect();
  for (const server of servers.splice(0)) await server.close();
});

describe("createRedis", () => {
  it("configures workers for BullMQ: commands wait across reconnects, no auto-pipelining", () => {
    const redis = track(createRedis(getTestRedisUrl(), { role: "worker" }));
    expect(redis.options.maxRetriesPerRequest).toBeNull();
    expect(redis.options.enableOfflineQueue).toBe(true);
    expect(redis.options.enableAutoPipelining).toBe(false);
  });

  it.each(["producer", "client"] as const)("makes %s connections fail fast", (role) => {
    const redis = track(createRedis(getTestRedisUrl(), { role }));
    expect(redis.options.enableOfflineQueue).toBe(false);
    expect(redis.options.maxRetriesPerRequest).toBe(1);
    expect(redis.options.connectTimeout).toBeLessThanOrEqual(2000);
  });

  it("keeps reconnecting forever with a capped delay", () => {
    const redis = track(createRedis(getTestRedisUrl(), { role: "client" }));
    const strategy = redis.options.retryStrategy;
    if (typeof strategy !== "function") throw new Error("retryStrategy missing");
    for (const attempt of [1, 5, 50, 10_000]) {
      const delay = strategy(attempt);
      expect(typeof delay).toBe("number");
      expect(delay).toBeGreaterThan(0);
      expect(delay).toBeLessThanOrEqual(maxReconnectDelayMs);
    }
  });

  it("names the connection on the server", async () => {
    const name = `vitae-test-conn-${process.pid}`;
    const redis = track(createRedis(getTestRedisUrl(), { role: "client", name }));
    await once(redis, "ready");
    await expect(redis.client("GETNAME")).resolves.toBe(name);
  });

  it("reports connection errors to onError instead of crashing", async () => {
    const onError = vi.fn();
    const port = await getClosedPort();
    track(createRedis(`redis://127.0.0.1:${port}`, { role: "producer", onError }));
    await vi.waitFor(() => expect(onError).toHaveBeenCalled(), { timeout: 10_000 });
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(Error);
  });

  it("survives connection errors without onError", async () => {
    const port = await getClosedPort();
    const redis = track(createRedis(`redis://127.0.0.1:${port}`, { role: "client" }));
    expect(redis.listenerCount("error")).toBe(1);
    await vi.waitFor(() => expect(redis.status).toBe("reconnecting"), { timeout: 10_000 });
  });

  it("recovers by itself once Redis becomes reachable", async () => {
    const port = await getClosedPort();
    const redis = track(createRedis(`redis://127.0.0.1:${port}`, { role: "client" }));
    const failure = await pingRedis(redis, 500).catch((error: unknown) => error);
    expect(isAppError(failure) && failure.code).toBe("SERVICE_UNAVAILABLE");

    const target = new URL(getTestRedisUrl());
    servers.push(await startTcpProxy(port, { host: target.hostname, port: Number(target.port || 6379) }));
    await vi.waitFor(() => pingRedis(redis, 500), { timeout: 15_000, interval: 100 });
  });
});
