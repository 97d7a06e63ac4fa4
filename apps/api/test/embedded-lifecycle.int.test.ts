import { once } from "node:events";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getFreePort } from "./harness";
import { type SpawnedProcess, spawnApi, waitForStatus } from "./processes";

let dataDir: string;
const prefix = createTestPrefix();
const spawned: SpawnedProcess[] = [];
const serverPids: number[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "vitae-embedded-lifecycle-"));
  // As root the embedded server runs as the postgres account, which must be able to enter DATA_DIR.
  await chmod(dataDir, 0o755);
});
afterAll(async () => {
  for (const api of spawned) api.child.kill("SIGKILL");
  // A failed test must not leave a PostgreSQL server running on a deleted directory.
  for (const pid of serverPids) if (isAlive(pid)) process.kill(pid, "SIGINT");
  const redis = createRedis(getTestRedisUrl(), { role: "client" });
  await once(redis, "ready");
  await deleteKeysByPrefix(redis, prefix);
  await redis.quit();
  await rm(dataDir, { recursive: true, force: true });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 300 && isAlive(pid); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

/** The embedded product as `pnpm start` runs it (no DATABASE_URL), ready; with its server's PID. */
async function startEmbedded() {
  const port = await getFreePort();
  const url = `http://127.0.0.1:${port}`;
  const api = spawnApi({
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_URL: url,
    REDIS_URL: getTestRedisUrl(),
    REDIS_KEY_PREFIX: prefix,
    RATE_LIMIT_AUTH: "100000/1m",
  });
  spawned.push(api);
  // The first start runs initdb, which fsyncs a new cluster: give a loaded machine time.
  const ready = await waitForStatus(`${url}/readyz`, 200, 1200);
  if (!ready) throw new Error(`embedded API did not become ready:\n${api.output().slice(-4000)}`);
  const pidFile = await readFile(join(dataDir, "postgres", "postmaster.pid"), "utf8");
  const serverPid = Number(pidFile.split("\n")[0]);
  serverPids.push(serverPid);
  return { api, url, serverPid };
}

function auth(url: string, path: string, body: object) {
  return fetch(`${url}/api/auth/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify(body),
  });
}

const account = { email: "embedded@example.com", password: "embedded-password-123", name: "Embedded" };

describe("embedded mode's PostgreSQL server, through the real entry point", { timeout: 240_000 }, () => {
  it("serves the product and is gone after SIGTERM, the API exiting 0", async () => {
    const { api, url, serverPid } = await startEmbedded();
    expect(api.output()).toContain("embedded database: PostgreSQL server");
    expect(isAlive(serverPid)).toBe(true);
    expect((await auth(url, "sign-up/email", account)).status).toBe(200);

    api.child.kill("SIGTERM");
    expect(await api.exited).toBe(0);
    expect(await waitUntilGone(serverPid)).toBe(true);
    await expect(readFile(join(dataDir, "postgres", "postmaster.pid"))).rejects.toMatchObject({
      code: "ENOENT",
    });
  });

  it("after a SIGKILL, the next start stops the orphaned server and keeps the data", async () => {
    const first = await startEmbedded();
    first.api.child.kill("SIGKILL");
    await first.api.exited;
    // Nothing could stop it: the server outlives its owner.
    expect(isAlive(first.serverPid)).toBe(true);

    const second = await startEmbedded();
    expect(second.api.output()).toContain("stopped an embedded PostgreSQL left running by a crash");
    expect(isAlive(first.serverPid)).toBe(false);
    // The account made by the first test's run is still there.
    const signIn = await auth(second.url, "sign-in/email", {
      email: account.email,
      password: account.password,
    });
    expect(signIn.status).toBe(200);

    second.api.child.kill("SIGTERM");
    expect(await second.api.exited).toBe(0);
    expect(await waitUntilGone(second.serverPid)).toBe(true);
  });
});
