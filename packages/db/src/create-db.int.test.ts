import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { type AddressInfo, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppError } from "@vitae/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDb, migrateDb } from "./create-db";
import type { DbHandle } from "./database";
import { getJobRun, insertJobRun } from "./index";
import { testDrivers } from "./test-drivers";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  vi.useRealTimers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A server that accepts connections and never answers: a hung database. */
async function startSilentServer(): Promise<number> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    server.close();
    await once(server, "close");
  });
  return (server.address() as AddressInfo).port;
}

async function getClosedPort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}

function openPostgres(url: string): DbHandle {
  const handle = createDb({ databaseUrl: url, dataDir: tmpdir(), poolMax: 2 });
  cleanups.push(() => handle.close());
  return handle;
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

describe.each(testDrivers)("DbHandle on $kind", ({ kind, open }) => {
  it("reports its driver, answers ping, and fails ping once closed (close is idempotent)", async () => {
    const database = await open();
    cleanups.push(database.drop);
    expect(database.handle.kind).toBe(kind);
    await expect(database.handle.ping(5000)).resolves.toBeUndefined();
    await database.handle.close();
    await database.handle.close();
    await expectUnavailable(database.handle.ping(5000));
  });
});

describe("createDb with PostgreSQL", () => {
  it("rejects ping with SERVICE_UNAVAILABLE when the server refuses connections", async () => {
    const port = await getClosedPort();
    await expectUnavailable(openPostgres(`postgres://postgres@127.0.0.1:${port}/postgres`).ping(60_000));
  });

  it("rejects ping at the deadline when the server never answers", async () => {
    const port = await startSilentServer();
    const handle = openPostgres(`postgres://postgres@127.0.0.1:${port}/postgres`);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let settled = false;
    const ping = handle.ping(300).finally(() => {
      settled = true;
    });
    ping.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(299);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    await expectUnavailable(ping);

    // close() is bounded too: it gives the hung connection a 5 s grace period, then drops it.
    let closed = false;
    const closing = handle.close().then(() => {
      closed = true;
    });
    await vi.advanceTimersByTimeAsync(4990);
    expect(closed).toBe(false);
    await vi.advanceTimersByTimeAsync(10);
    await closing;
    expect(closed).toBe(true);
  });

  it("rejects ping for a database that does not exist", async () => {
    await expectUnavailable(
      openPostgres("postgres://postgres@127.0.0.1:5432/vitae_no_such_database").ping(5000),
    );
  });
});

describe("createDb with PGlite", () => {
  it("persists under <dataDir>/pglite across reopen, and treats an empty URL as unset", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "vitae-pglite-reopen-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

    const first = createDb({ databaseUrl: "", dataDir });
    expect(first.kind).toBe("pglite");
    await migrateDb(first);
    const run = await insertJobRun(first.db, {
      name: "test.persist",
      queue: "test",
      payload: { kept: true },
    });
    await first.close();

    const second = createDb({ dataDir });
    cleanups.push(() => second.close());
    await migrateDb(second);
    await expect(getJobRun(second.db, { id: run.id })).resolves.toEqual(run);
  });
});
