import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import { getFreePort } from "../test/harness";
import { signUpAndSignIn } from "./session";

/** A running bench server (distributed mode on a fresh database) in its own thread. */
export interface BenchServer {
  url: string;
  peers: { bareUrl: string; trpcUrl: string };
  database: TestDatabase;
  thread: Worker;
  /** Sends a message to the server thread and waits for its answer. */
  ask<T>(message: { type: string }): Promise<T>;
  /** Stops the server and removes its database and Redis keys. */
  close(): Promise<void>;
}

/** Starts the product's API in a worker thread with limits sized so benchmarks measure work, not refusals. */
export async function startBenchServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const database = await createTestDatabase();
  const prefix = createTestPrefix();
  const port = await getFreePort();
  const thread = new Worker(new URL("./server-thread.ts", import.meta.url), {
    execArgv: ["--import", "tsx"],
    workerData: {
      env: {
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        REDIS_URL: getTestRedisUrl(),
        REDIS_KEY_PREFIX: prefix,
        PORT: String(port),
        STORAGE_SIGNING_SECRET: "bench-only-signing-secret-0123456789abcdef",
        DATA_DIR: "/tmp/vitae-bench",
        AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef0123",
        METRICS_TOKEN: "bench-only-metrics-token-0123456789",
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        RATE_LIMIT_PUBLIC: "1000000000/1m",
        RATE_LIMIT_DEFAULT_FREE: "1000000000/1m",
        QUOTA_FREE_REQUESTS: "1000000000",
        ...env,
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
      await database.drop();
      const redis = createRedis(getTestRedisUrl(), { role: "client" });
      await once(redis, "ready");
      await deleteKeysByPrefix(redis, prefix);
      await redis.quit();
    },
  };
}

/** Signs up a bench user with a workspace and an API key, over HTTP like any client. */
export async function signUpWithKey(url: string) {
  const json = { "content-type": "application/json", origin: url };
  const cookie = await signUpAndSignIn(url, "bench@example.com");
  const post = (path: string, body: unknown) =>
    fetch(`${url}/trpc/${path}`, {
      method: "POST",
      headers: { ...json, cookie },
      body: JSON.stringify(body),
    });
  await post("workspaces.create", { name: "Bench" });
  const created = (await (
    await post("apiKeys.create", { name: "bench", scopes: ["usage:read", "documents:read"] })
  ).json()) as {
    result: { data: { key: string } };
  };
  return { cookie, key: created.result.data.key };
}
