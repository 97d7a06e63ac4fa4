import { spawn } from "node:child_process";
import { once } from "node:events";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPostgresBinaries, type PostgresBinaries } from "./binaries";
import { isAlive, waitForExit } from "./pid-file";
import { type PostgresServer, startPostgresServer } from "./server";
import { resolveServerUser, type ServerUser } from "./server-user";

const password = "test-password-0123456789abcdef0123";
const silent = { info: () => undefined, warn: () => undefined, debug: () => undefined };
let root: string;
let directory: string;
let binaries: PostgresBinaries;
let user: ServerUser | undefined;
const running = new Set<PostgresServer>();

async function start(port?: number): Promise<PostgresServer> {
  const server = await startPostgresServer({ directory, binaries, password, port, user, log: silent });
  running.add(server);
  return server;
}

async function query<T>(url: string, run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    return await run(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Runs the fixture in its own process; resolves with the server it started and the fixture process. */
async function startInChild(mode: "wait" | "crash") {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "server-child.fixture.ts"), directory, mode],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
  return { child, started: JSON.parse(line) as { pid: number; port: number } };
}

beforeAll(async () => {
  const lookup = await findPostgresBinaries();
  if (!lookup.available) throw new Error(`the embedded PostgreSQL must run on CI: ${lookup.reason}`);
  binaries = lookup.binaries;
  user = await resolveServerUser();
  root = await mkdtemp(join(tmpdir(), "vitae-embedded-pg-"));
  // mkdtemp makes 0700; as root the server account must be able to enter it.
  await chmod(root, 0o755);
  directory = join(root, "postgres");
});

afterAll(async () => {
  for (const server of running) await server.stop();
  await rm(root, { recursive: true, force: true });
});

// initdb fsyncs a new cluster: seconds on a loaded machine.
describe("startPostgresServer", { timeout: 120_000 }, () => {
  it("initialises a new cluster, serves queries with the password over loopback and stops cleanly", async () => {
    const server = await start();
    expect(server.leftover).toEqual({ kind: "none" });
    expect(new URL(server.url).hostname).toBe("127.0.0.1");
    const [row] = await query(
      server.url,
      (sql) => sql`select current_setting('server_version_num')::int as version`,
    );
    expect(row?.version).toBeGreaterThanOrEqual(180_000);
    // The password is required: the same URL without it is refused.
    const withoutPassword = new URL(server.url);
    withoutPassword.password = "";
    await expect(query(withoutPassword.toString(), (sql) => sql`select 1`)).rejects.toThrow();

    await server.stop();
    expect(isAlive(server.pid)).toBe(false);
    await expect(readFile(join(directory, "postmaster.pid"))).rejects.toMatchObject({ code: "ENOENT" });
    // Nothing was left beside the cluster by the staged initialisation.
    expect(await readdir(root)).toEqual(["postgres"]);
    await server.stop();
  });

  it("restarts on the existing data, on the configured port", async () => {
    const first = await start();
    await query(first.url, async (sql) => {
      await sql`create table kept (value text)`;
      await sql`insert into kept values ('survives a restart')`;
    });
    await first.stop();

    const probe = createServer().listen(0, "127.0.0.1");
    await once(probe, "listening");
    const port = (probe.address() as { port: number }).port;
    probe.close();
    await once(probe, "close");

    const second = await start(port);
    expect(second.port).toBe(port);
    const rows = await query(second.url, (sql) => sql`select value from kept`);
    expect(rows.map((row) => row.value)).toEqual(["survives a restart"]);
    await second.stop();
  });

  it("refuses a configured port that is taken, naming PostgreSQL's reason", async () => {
    const holder = createServer().listen(0, "127.0.0.1");
    await once(holder, "listening");
    const port = (holder.address() as { port: number }).port;
    try {
      await expect(start(port)).rejects.toThrow(/could not bind|could not create any TCP\/IP sockets/i);
    } finally {
      holder.close();
    }
  });

  it("starts over a stale postmaster.pid whose process is gone or is another program", async () => {
    const gone = spawn("true");
    await once(gone, "exit");
    for (const pid of [gone.pid ?? 999_999, process.pid]) {
      const stale = [String(pid), directory, "1700000000", "5432", "", "127.0.0.1", "0 0", "ready   ", ""];
      await writeFile(join(directory, "postmaster.pid"), stale.join("\n"));
      const server = await start();
      expect(server.leftover).toEqual({ kind: "stale-pid-file", pid });
      await query(server.url, (sql) => sql`select 1`);
      await server.stop();
    }
  });

  it("stops a server orphaned by a SIGKILLed owner before starting its own", async () => {
    const { child, started } = await startInChild("wait");
    child.kill("SIGKILL");
    await once(child, "exit");
    // The owner is gone; its server is not (nothing could stop it).
    expect(isAlive(started.pid)).toBe(true);

    const server = await start();
    expect(server.leftover).toEqual({ kind: "orphaned-server", pid: started.pid, port: started.port });
    expect(isAlive(started.pid)).toBe(false);
    await query(server.url, (sql) => sql`select 1`);
    await server.stop();
  });

  it("takes its server down with it when the owning process crashes", async () => {
    const { child, started } = await startInChild("crash");
    await once(child, "exit");
    expect(child.exitCode).not.toBe(0);
    const gone = await waitForExit(started.pid, 30_000);
    // Never leave a server behind, even when this fails.
    if (!gone) process.kill(started.pid, "SIGINT");
    expect(gone).toBe(true);
  });

  it("never initialises over a directory that holds something else", async () => {
    const foreign = join(root, "foreign");
    await mkdir(foreign);
    await writeFile(join(foreign, "notes.txt"), "mine");
    await expect(
      startPostgresServer({ directory: foreign, binaries, password, user, log: silent }),
    ).rejects.toThrow(/exists but holds no PostgreSQL cluster/);
    expect(await readFile(join(foreign, "notes.txt"), "utf8")).toBe("mine");
    expect((await readdir(root)).filter((entry) => entry.includes(".init-"))).toEqual([]);
  });
});
