import { once } from "node:events";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { createLogger } from "@vitae/logger";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getClosedPort, getTestRedisUrl } from "@vitae/redis/testing";
import { type RunningApi, type StartApiOptions, startApi } from "../src/app";
import { loadApiConfig } from "../src/config";

/** A free loopback port (bound by the OS, then released). */
export const getFreePort = getClosedPort;

export interface TestApi extends RunningApi {
  /** This instance's database (shared with instances started with `shareWith`). */
  databaseUrl: string | null;
  /** This instance's Redis key prefix (shared likewise). */
  prefix: string;
  /** Every log line written so far, as parsed JSON objects. */
  logLines(): Record<string, unknown>[];
  /** Raw log text, for "this secret never appears" assertions. */
  logText(): string;
  /** Stops the API and removes its database, Redis keys and data directory. */
  cleanup(): Promise<void>;
}

export interface TestApiOptions {
  /** Extra or overriding environment variables. */
  env?: Record<string, string>;
  /**
   * `distributed` (default): a fresh database on the real Postgres. `embedded`: no DATABASE_URL, so the
   * API starts its own PostgreSQL server in a temp DATA_DIR (`env: { EMBEDDED_DATABASE: "pglite" }` for PGlite).
   */
  mode?: "distributed" | "embedded";
  runWorkers?: boolean;
  /** Run against another test API's database and Redis prefix (a second replica); it owns their cleanup. */
  shareWith?: TestApi;
  /** Routes or hooks a test adds before the server listens (see `StartApiOptions.extendServer`). */
  extendServer?: StartApiOptions["extendServer"];
}

/**
 * Starts the real API on a free port with its own database, Redis key prefix and data directory, and a
 * JSON logger captured in memory. In distributed mode the workers run in-process too (runWorkers), so
 * jobs complete without a second process.
 */
export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const mode = options.mode ?? "distributed";
  const dataDir = await mkdtemp(join(tmpdir(), "vitae-api-test-"));
  // As root the embedded PostgreSQL server runs as the postgres account, which must be able to enter it.
  await chmod(dataDir, 0o755);
  const shared = options.shareWith;
  const database: TestDatabase | null = shared || mode !== "distributed" ? null : await createTestDatabase();
  const databaseUrl = shared ? shared.databaseUrl : (database?.url ?? null);
  const prefix = shared ? shared.prefix : createTestPrefix();
  const port = await getFreePort();
  // The data directory, and unless shared the database and Redis keys, go whether the API ran or not.
  const release = async () => {
    await rm(dataDir, { recursive: true, force: true });
    if (shared) return;
    await database?.drop();
    const redis = createRedis(getTestRedisUrl(), { role: "client" });
    await once(redis, "ready");
    await deleteKeysByPrefix(redis, prefix);
    await redis.quit();
  };
  let text = "";
  const destination = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const logger = createLogger({ level: "debug", format: "json", name: "api-test", destination });
  let running: RunningApi;
  try {
    running = await startApi(
      loadApiConfig({
        NODE_ENV: "test",
        DATA_DIR: dataDir,
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        REDIS_URL: getTestRedisUrl(),
        REDIS_KEY_PREFIX: prefix,
        RECONCILE_INTERVAL_MS: "1000",
        RECONCILE_STUCK_AFTER_MS: "2000",
        // Tests call public procedures far faster than a person would; limits are tested on their own.
        RATE_LIMIT_PUBLIC: "100000/1m",
        // Suites sign up many users from one IP; the auth tier has its own tests (rate-limit.int.test.ts).
        RATE_LIMIT_AUTH: "100000/1m",
        // A loaded CI machine must not trip the limiter's slow-Redis policies (tested in @vitae/ratelimit).
        RATE_LIMIT_TIMEOUT_MS: "2000",
        // Nor shed requests because its event loop lags under other processes' load; admission control is
        // tested on its own (src/http/admission.test.ts, process-lifecycle).
        MAX_EVENT_LOOP_DELAY_MS: "60000",
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        ...options.env,
      }),
      {
        logger,
        runWorkers: options.runWorkers ?? true,
        extendServer: options.extendServer,
      },
    );
  } catch (error) {
    await release();
    throw error;
  }
  return {
    ...running,
    databaseUrl,
    prefix,
    logText: () => text,
    logLines: () =>
      text
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    async cleanup() {
      await running.stop();
      await release();
    },
  };
}
