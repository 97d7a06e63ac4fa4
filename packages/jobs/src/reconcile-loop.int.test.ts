import { once } from "node:events";
import { createLogger } from "@vitae/logger";
import type { QueueClient, ReconcileResult } from "@vitae/queue";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl, startTcpProxy } from "@vitae/redis/testing";
import { afterEach, beforeEach, expect, it } from "vitest";
import { type ReconcileLoop, startReconcileLoop } from "./reconcile-loop";

const logger = createLogger({ level: "silent", format: "json", name: "reconcile-test" });
const emptyPass: ReconcileResult = {
  scanned: 0,
  dispatched: 0,
  alreadyQueued: 0,
  exhausted: 0,
  skipped: 0,
  failed: 0,
};

let prefix: string;
let redis: ReturnType<typeof createRedis>;
const loops: ReconcileLoop[] = [];

beforeEach(async () => {
  prefix = createTestPrefix();
  redis = createRedis(getTestRedisUrl(), { role: "producer" });
  await once(redis, "ready");
});

afterEach(async () => {
  for (const loop of loops.splice(0)) await loop.stop();
  await deleteKeysByPrefix(redis, prefix);
  await redis.quit();
});

/** A queue client whose reconcile pass only counts calls (and fails when asked to). */
function countingClient(options: { isFailing?: boolean } = {}): { client: QueueClient; calls: () => number } {
  let calls = 0;
  const client = {
    reconcileStaleJobs: async () => {
      calls += 1;
      if (options.isFailing) throw new Error("database unavailable");
      return emptyPass;
    },
  } as unknown as QueueClient;
  return { client, calls: () => calls };
}

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

it("runs a pass on only one of several replicas per interval", async () => {
  const counters = [countingClient(), countingClient(), countingClient()];
  for (const { client } of counters) {
    loops.push(
      startReconcileLoop({
        queueClient: client,
        redis,
        prefix,
        logger,
        intervalMs: 60_000,
        staleAfterMs: 1000,
      }),
    );
  }
  const total = () => counters.reduce((sum, counter) => sum + counter.calls(), 0);

  await waitUntil(() => total() > 0);
  // stop() waits for each loop's in-flight attempt, so every replica has tried the lease by now.
  for (const loop of loops.splice(0)) await loop.stop();

  expect(total()).toBe(1);
});

it("keeps running passes after a failing one", async () => {
  const failing = countingClient({ isFailing: true });
  loops.push(
    startReconcileLoop({
      queueClient: failing.client,
      redis,
      prefix,
      logger,
      intervalMs: 100,
      staleAfterMs: 1000,
    }),
  );

  await waitUntil(() => failing.calls() >= 3);
  expect(failing.calls()).toBeGreaterThanOrEqual(3);
});

it("stops scheduling after stop()", async () => {
  const counter = countingClient();
  const loop = startReconcileLoop({
    queueClient: counter.client,
    redis,
    prefix,
    logger,
    intervalMs: 100,
    staleAfterMs: 1000,
  });
  await waitUntil(() => counter.calls() >= 1);
  await loop.stop();
  const callsAtStop = counter.calls();
  await deleteKeysByPrefix(redis, prefix);

  // Two lease lengths later, a live loop would have run again.
  await new Promise((resolve) => setTimeout(resolve, 250));
  expect(counter.calls()).toBe(callsAtStop);
});

it("runs its first pass once a connection still handshaking at start is ready", async () => {
  const target = new URL(getTestRedisUrl());
  const proxy = await startTcpProxy(0, { host: target.hostname, port: Number(target.port || 6379) });
  // Redis answers nothing yet: the connection is open but not ready, as in a process still booting.
  proxy.freeze();
  const booting = createRedis(`redis://127.0.0.1:${proxy.port}`, { role: "producer" });
  const counter = countingClient();
  loops.push(
    startReconcileLoop({
      queueClient: counter.client,
      redis: booting,
      prefix,
      logger,
      intervalMs: 600_000,
      staleAfterMs: 1000,
    }),
  );

  await new Promise((resolve) => setTimeout(resolve, 200));
  proxy.thaw();

  // The next interval is ten minutes away: only the first pass can make this call.
  await waitUntil(() => counter.calls() === 1);
  for (const loop of loops.splice(0)) await loop.stop();
  booting.disconnect();
  await proxy.close();
});
