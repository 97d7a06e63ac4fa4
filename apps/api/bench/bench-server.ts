import { type ChildProcess, fork, spawn } from "node:child_process";
import { once } from "node:events";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import { getFreePort } from "../test/harness";

/** How a bench server runs: on a test database of the local PostgreSQL, or as `pnpm start` does. */
export type BenchMode = "distributed" | "embedded";

export const benchModes: readonly BenchMode[] = ["distributed", "embedded"];

/** The modes a bench run measures: `BENCH_MODE` (one of them), or both, distributed first. */
export function benchModesFromEnv(): readonly BenchMode[] {
  const chosen = process.env.BENCH_MODE;
  return benchModes.filter((mode) => chosen === undefined || chosen === "" || chosen === mode);
}

/** A running bench server in its own process (plus, in distributed mode, one worker process). */
export interface BenchServer {
  mode: BenchMode;
  url: string;
  /** The test database in distributed mode; embedded mode's database is the server's own. */
  database: TestDatabase | undefined;
  /** The API's process id, and the worker's in distributed mode (what `bench:http` counts CPU time for). */
  pids: { api: number; worker: number | undefined };
  /** Sends a message to the server process and waits for its answer. */
  ask<T>(message: { type: string; [detail: string]: unknown }): Promise<T>;
  /** Stops the server (and worker) and removes its database, data directory and Redis keys. */
  close(): Promise<void>;
}

const workerDir = fileURLToPath(new URL("../../worker", import.meta.url));

/** Only what the product reads: the bench's own environment (e.g. DATABASE_URL) never leaks in. */
function childEnv(env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env };
}

/** The child's next message; rejects when the child exits first, so a crashed server never hangs a bench. */
async function nextMessage<T>(child: ChildProcess): Promise<T> {
  if (child.exitCode !== null || child.signalCode !== null) throw new Error("bench child process has exited");
  const exited = once(child, "exit").then(([code, signal]) => {
    throw new Error(`bench child process exited (${code ?? signal}) before answering`);
  });
  exited.catch(() => undefined);
  return ((await Promise.race([once(child, "message"), exited])) as [T])[0];
}

function askChild(child: ChildProcess) {
  return async <T>(message: { type: string; [detail: string]: unknown }): Promise<T> => {
    const answer = nextMessage<T>(child);
    child.send(message);
    return answer;
  };
}

/**
 * Starts the product's API as a process of its own with limits sized so benchmarks measure work, not
 * refusals; the caller's process is the load generator. Distributed mode runs API + one worker process
 * on a fresh test database of the local PostgreSQL; embedded mode has no DATABASE_URL, so the API
 * starts its own embedded database in a fresh DATA_DIR and runs the workers in-process, as `pnpm start`
 * does (EMBEDDED_DATABASE=pglite in the environment measures the fallback engine).
 */
export async function startBenchServer(
  options: { mode?: BenchMode; env?: Record<string, string> } = {},
): Promise<BenchServer> {
  const mode = options.mode ?? "distributed";
  const embedded = mode === "embedded";
  const database = embedded ? undefined : await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), "vitae-bench-"));
  // As root the embedded server runs as the postgres account, which must be able to enter DATA_DIR.
  await chmod(dataDir, 0o755);
  const prefix = createTestPrefix();
  const port = await getFreePort();
  const env: Record<string, string> = {
    NODE_ENV: "production",
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...(process.env.EMBEDDED_DATABASE ? { EMBEDDED_DATABASE: process.env.EMBEDDED_DATABASE } : {}),
    ...(process.env.BENCH_PROFILE_DIRECTORY
      ? { BENCH_PROFILE_DIRECTORY: process.env.BENCH_PROFILE_DIRECTORY }
      : {}),
    REDIS_URL: getTestRedisUrl(),
    REDIS_KEY_PREFIX: prefix,
    STORAGE_SIGNING_SECRET: "bench-only-signing-secret-0123456789abcdef",
    DATA_DIR: dataDir,
    AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef0123",
    METRICS_TOKEN: "bench-only-metrics-token-0123456789",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    RATE_LIMIT_PUBLIC: "1000000000/1m",
    RATE_LIMIT_DEFAULT_FREE: "1000000000/1m",
    QUOTA_FREE_REQUESTS: "1000000000",
    // Throughput benches measure work, not shedding: on a machine loaded by others the event loop lags
    // past the default second and admission control would refuse most calls. bench:overload sets its own.
    MAX_EVENT_LOOP_DELAY_MS: "60000",
    LOG_LEVEL: "warn",
    ...options.env,
  };
  const server = fork(fileURLToPath(new URL("./server-process.ts", import.meta.url)), {
    execArgv: ["--import", "tsx"],
    env: childEnv({ ...env, PORT: String(port), BENCH_RUN_WORKERS: embedded ? "1" : "0" }),
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const worker = embedded
    ? undefined
    : spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        cwd: workerDir,
        env: childEnv({ ...env, PORT: String(await getFreePort()) }),
        stdio: ["ignore", "ignore", "inherit"],
      });
  const ready = await nextMessage<{ url: string }>(server);
  const ask = askChild(server);
  return {
    mode,
    url: ready.url,
    database,
    pids: { api: server.pid ?? -1, worker: worker?.pid },
    ask,
    async close() {
      await ask({ type: "stop" });
      if (worker) {
        const exited = once(worker, "exit");
        worker.kill("SIGTERM");
        await exited;
      }
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
      const redis = createRedis(getTestRedisUrl(), { role: "client" });
      await once(redis, "ready");
      await deleteKeysByPrefix(redis, prefix);
      await redis.quit();
    },
  };
}

/** The peers (bare Fastify hello, stock tRPC hello), each a process of its own. */
export interface Peers {
  bareUrl: string;
  trpcUrl: string;
  /** The process id of the peer serving `url`. */
  pidOf(url: string): number;
  close(): Promise<void>;
}

export async function startPeers(): Promise<Peers> {
  const start = async (kind: "bare" | "trpc") => {
    const child = fork(fileURLToPath(new URL("./peer-process.ts", import.meta.url)), [kind], {
      execArgv: ["--import", "tsx"],
      env: childEnv({ NODE_ENV: "production" }),
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const ready = await nextMessage<{ url: string }>(child);
    return { child, url: ready.url };
  };
  const [bare, trpc] = await Promise.all([start("bare"), start("trpc")]);
  return {
    bareUrl: bare.url,
    trpcUrl: trpc.url,
    pidOf: (url) => (url === bare.url ? bare : trpc).child.pid ?? -1,
    async close() {
      await Promise.all(
        [bare.child, trpc.child].map(async (child) => {
          const exited = once(child, "exit");
          child.send({ type: "stop" });
          await exited;
        }),
      );
    },
  };
}
