import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { deleteKeysByPrefix } from "@vitae/redis/testing";
import { Redis } from "ioredis";

/** A running product in embedded mode, owned by one test file. */
export interface RunningProduct {
  baseUrl: string;
  /** Stops the process, then deletes its data directory and every Redis key under its prefix. */
  stop: () => Promise<void>;
}

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const apiDir = path.join(repoRoot, "apps", "api");
// Generous: a cold embedded boot on a CI machine shared with other builds has taken over 90 s.
const readyTimeoutMs = 180_000;
const exitTimeoutMs = 20_000;
// Enough of the child's output to explain a failed boot without holding a runaway log in memory.
const maxOutputChars = 20_000;

/** A TCP port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("Could not obtain a free port.");
  return address.port;
}

function productEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Embedded mode must not pick up a developer's external database or bucket from the shell.
  for (const key of Object.keys(env)) {
    if (key === "DATABASE_URL" || key.startsWith("S3_")) delete env[key];
  }
  return { ...env, ...overrides };
}

async function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  const exited = new Promise<true>((resolve) => child.once("exit", () => resolve(true)));
  return Promise.race([exited, delay(timeoutMs, false)]);
}

async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await deleteKeysByPrefix(redis, prefix);
  } finally {
    redis.disconnect();
  }
}

/**
 * Starts `apps/api` in embedded mode, as `./vitae start` runs it for a user (API and workers in one process,
 * the embedded PostgreSQL server beside it), on a free port with a fresh data directory and a unique Redis
 * prefix, and resolves once `/readyz` answers 200.
 */
export async function startProduct(): Promise<RunningProduct> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), "vitae-e2e-"));
  // As root, the embedded PostgreSQL server runs as the `postgres` account, which must be able to enter it.
  await chmod(dataDir, 0o755);
  const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  const redisPrefix = `vitae-e2e-${randomBytes(6).toString("hex")}`;
  const baseUrl = `http://127.0.0.1:${port}`;

  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "--embedded"], {
    cwd: apiDir,
    env: productEnv({
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: redisPrefix,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      // Production requires explicit secrets (disk storage signing, better-auth, metrics); per-run ones do.
      STORAGE_SIGNING_SECRET: randomBytes(32).toString("hex"),
      AUTH_SECRET: randomBytes(32).toString("hex"),
      METRICS_TOKEN: randomBytes(16).toString("hex"),
      // A loaded CI machine must not trip the limiter's slow-Redis policies (the auth tier fails closed
      // with 503); those policies are tested in @vitae/ratelimit, as the API harness does.
      RATE_LIMIT_TIMEOUT_MS: "2000",
      // Nor shed requests because the event loop lags under other processes' load (admission control
      // has its own API tests).
      MAX_EVENT_LOOP_DELAY_MS: "60000",
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });

  let output = "";
  const record = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-maxOutputChars);
  };
  child.stdout?.on("data", record);
  child.stderr?.on("data", record);

  const cleanUp = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      if (!(await waitForExit(child, exitTimeoutMs))) {
        child.kill("SIGKILL");
        await waitForExit(child, exitTimeoutMs);
      }
    }
    await rm(dataDir, { recursive: true, force: true });
    await deleteRedisKeys(redisUrl, redisPrefix);
  };

  const deadline = Date.now() + readyTimeoutMs;
  let lastProblem = "no answer yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await cleanUp();
      throw new Error(
        `The product exited during startup (code ${child.exitCode}, signal ${child.signalCode}). Output:\n${output}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return { baseUrl, stop: cleanUp };
      lastProblem = `/readyz answered ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await delay(250);
  }

  await cleanUp();
  throw new Error(
    `The product was not ready within ${readyTimeoutMs / 1000} s (${lastProblem}). Output:\n${output}`,
  );
}
