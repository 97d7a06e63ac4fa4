import { once } from "node:events";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import { getFreePort } from "../test/harness";

/** How a bench server runs: on a test database of the local PostgreSQL, or as `pnpm start` does. */
export type BenchMode = "distributed" | "embedded";

/** A running bench server in its own thread. */
export interface BenchServer {
  url: string;
  peers: { bareUrl: string; trpcUrl: string };
  /** The test database in distributed mode; embedded mode's database is the server's own. */
  database: TestDatabase | undefined;
  thread: Worker;
  /** Sends a message to the server thread and waits for its answer. */
  ask<T>(message: { type: string }): Promise<T>;
  /** Stops the server and removes its database and Redis keys. */
  close(): Promise<void>;
}

/**
 * Starts the product's API in a worker thread with limits sized so benchmarks measure work, not refusals.
 * Distributed mode (the default) runs on a fresh test database; embedded mode has no DATABASE_URL, so the
 * server starts its own embedded database in a fresh DATA_DIR and runs the workers in-process, as
 * `pnpm start` does (EMBEDDED_DATABASE=pglite in the environment measures the fallback engine).
 */
export async function startBenchServer(
  options: { mode?: BenchMode; env?: Record<string, string> } = {},
): Promise<BenchServer> {
  const embedded = options.mode === "embedded";
  const database = embedded ? undefined : await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), "vitae-bench-"));
  // As root the embedded server runs as the postgres account, which must be able to enter DATA_DIR.
  await chmod(dataDir, 0o755);
  const prefix = createTestPrefix();
  const port = await getFreePort();
  const thread = new Worker(new URL("./server-thread.ts", import.meta.url), {
    execArgv: ["--import", "tsx"],
    workerData: {
      runWorkers: embedded,
      env: {
        NODE_ENV: "production",
        ...(database ? { DATABASE_URL: database.url } : {}),
        ...(process.env.EMBEDDED_DATABASE ? { EMBEDDED_DATABASE: process.env.EMBEDDED_DATABASE } : {}),
        REDIS_URL: getTestRedisUrl(),
        REDIS_KEY_PREFIX: prefix,
        PORT: String(port),
        STORAGE_SIGNING_SECRET: "bench-only-signing-secret-0123456789abcdef",
        DATA_DIR: dataDir,
        AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef0123",
        METRICS_TOKEN: "bench-only-metrics-token-0123456789",
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        RATE_LIMIT_PUBLIC: "1000000000/1m",
        RATE_LIMIT_DEFAULT_FREE: "1000000000/1m",
        QUOTA_FREE_REQUESTS: "1000000000",
        ...options.env,
      },
    },
  });
  const [ready] = (await once(thread, "message")) as [
    { url: string; peers: { bareUrl: string; trpcUrl: string } },
  ];
  const ask = async <T>(message: { type: string }): Promise<T> => {
    const answer = once(thread, "message");
    thread.postMessage(message);
    return ((await answer) as [T])[0];
  };
  return {
    url: ready.url,
    peers: ready.peers,
    database,
    thread,
    ask,
    async close() {
      await ask({ type: "stop" });
      await thread.terminate();
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
      const redis = createRedis(getTestRedisUrl(), { role: "client" });
      await once(redis, "ready");
      await deleteKeysByPrefix(redis, prefix);
      await redis.quit();
    },
  };
}
