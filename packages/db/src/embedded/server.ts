import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { access, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { PostgresBinaries } from "./binaries";
import { clearLeftovers, type Leftover, readPidFile } from "./pid-file";
import { assertReachable, handOver, type ServerUser } from "./server-user";

/** The log methods the server reports through (a pino logger fits). */
export interface ServerLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  debug(fields: object, message: string): void;
}

/** Options for {@link startPostgresServer}. */
export interface StartPostgresServerOptions {
  /** The cluster directory (PGDATA), e.g. `<DATA_DIR>/postgres`; created and initialised when empty. */
  directory: string;
  binaries: PostgresBinaries;
  /** The superuser's password, set at initialisation; connections use it (SCRAM over loopback TCP). */
  password: string;
  /** Loopback TCP port; 0 (default) picks a free one at each start. */
  port?: number;
  /** As root: the account the server runs as (`resolveServerUser`). */
  user?: ServerUser | undefined;
  log: ServerLog;
}

/** A running PostgreSQL server owned by this process. */
export interface PostgresServer {
  /** `postgres://vitae:…@127.0.0.1:<port>/postgres` */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** What the start found from an earlier crash (a stale PID file, an orphaned server). */
  readonly leftover: Leftover;
  /**
   * Fast shutdown (SIGINT: sessions end, a checkpoint is written), immediate after 30 s. Idempotent;
   * call it after the connection pool closed.
   */
  stop(): Promise<void>;
}

/** The superuser name Vitae creates; the product connects as it to the `postgres` database. */
export const superuserName = "vitae";

/** Settings passed on the command line (never written to postgresql.conf, so upgrades keep them). */
function serverSettings(port: number): string[] {
  const settings = {
    port: String(port),
    // Loopback only, and no Unix socket: nothing but this machine, over TCP with a password.
    listen_addresses: "127.0.0.1",
    unix_socket_directories: "",
    // The product reports its own query errors, so failed statements are not echoed; what the server
    // still logs (start, checkpoints, warnings) goes to debug, and FATAL/PANIC/WARNING lines to warn.
    log_min_messages: "warning",
    log_min_error_statement: "panic",
    log_line_prefix: "",
  };
  return Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
}

/** Asks the kernel for a free loopback port (a tiny race with other processes; a failed bind is retried). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/** The server inherits no secrets from our environment: only what it needs to run. */
function serverEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", LC_ALL: "C", TZ: "UTC" };
}

function collect(child: ChildProcess, log: ServerLog): () => string {
  const tail: string[] = [];
  let partial = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      if (line.trim() === "") continue;
      tail.push(line);
      if (tail.length > 20) tail.shift();
      const serious = /\b(FATAL|PANIC|WARNING):/.test(line);
      (serious ? log.warn : log.debug).call(log, { postgres: line }, "embedded PostgreSQL");
    }
  });
  return () => [...tail, partial].join("\n").trim();
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Initialises a cluster into a sibling temporary directory and renames it into place, so an interrupted
 * initdb never leaves a half-made cluster behind. The password reaches initdb through a 0600 file that
 * only the server account can read, removed right after.
 */
async function initialise(options: StartPostgresServerOptions): Promise<void> {
  const { directory, binaries, user, log } = options;
  const staging = `${directory}.init-${randomBytes(4).toString("hex")}`;
  const passwordFile = join(tmpdir(), `vitae-pg-${randomBytes(8).toString("hex")}`);
  await mkdir(staging, { mode: 0o700 });
  try {
    await handOver(staging, user);
    await assertReachable(user, staging, binaries.initdb);
    await writeFile(passwordFile, `${options.password}\n`, { mode: 0o600, flag: "wx" });
    await handOver(passwordFile, user);
    log.info({ directory }, "initialising the embedded PostgreSQL cluster");
    const child = spawn(
      binaries.initdb,
      [
        `--pgdata=${staging}`,
        `--username=${superuserName}`,
        `--pwfile=${passwordFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        // Unicode-aware case mapping without depending on the operating system's locales.
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--locale=C",
      ],
      { uid: user?.uid, gid: user?.gid, env: serverEnv(), stdio: ["ignore", "ignore", "pipe"] },
    );
    const output = collect(child, { ...log, warn: log.debug, info: log.debug });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", resolve);
    });
    if (code !== 0) throw new Error(`initdb failed (exit ${code}): ${output()}`);
    await rename(staging, directory);
  } finally {
    await rm(passwordFile, { force: true });
    await rm(staging, { recursive: true, force: true });
  }
}

/** Removes staging directories an interrupted earlier initialisation left next to the cluster. */
async function removeAbandonedStaging(directory: string): Promise<void> {
  const parent = dirname(directory);
  const prefix = `${directory.slice(parent.length + 1)}.init-`;
  for (const entry of await readdir(parent)) {
    if (entry.startsWith(prefix)) await rm(join(parent, entry), { recursive: true, force: true });
  }
}

/** True when the directory holds an initialised cluster. */
export function isInitialised(directory: string): Promise<boolean> {
  return exists(join(directory, "PG_VERSION"));
}

interface Launched {
  child: ChildProcess;
  exited: Promise<void>;
}

/** Spawns the server and waits until `postmaster.pid` says `ready` (what `pg_ctl start -w` checks). */
async function launch(options: StartPostgresServerOptions, port: number): Promise<Launched> {
  const { directory, binaries, user, log } = options;
  // Its own process group: a terminal's Ctrl+C reaches Vitae, which drains first and stops the server
  // last, instead of reaching the server directly mid-drain.
  const child = spawn(binaries.postgres, ["-D", directory, ...serverSettings(port)], {
    uid: user?.uid,
    gid: user?.gid,
    env: serverEnv(),
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const output = collect(child, log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const spawnError = new Promise<never>((_, reject) => child.once("error", reject));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state = await Promise.race([
      exited.then(() => "exited" as const),
      spawnError,
      new Promise<"poll">((resolve) => setTimeout(() => resolve("poll"), 50)),
    ]);
    if (state === "exited") {
      throw new Error(`PostgreSQL exited during start (exit ${child.exitCode}): ${output()}`);
    }
    const pidFile = await readPidFile(directory).catch(() => undefined);
    if (pidFile !== undefined && pidFile.pid === child.pid && pidFile.status === "ready")
      return { child, exited };
    if (Date.now() > deadline) {
      child.kill("SIGQUIT");
      throw new Error(`PostgreSQL did not become ready within 60 s: ${output()}`);
    }
  }
}

/**
 * Starts a PostgreSQL server on `options.directory`, initialising the cluster on first use: stale state
 * from a crash is cleared first (`clearLeftovers`), the port is free or as configured, and the server is
 * stopped when this process exits even without `stop()` (a crash or `process.exit`), since it runs in
 * its own process group. Rejects with PostgreSQL's own last log lines when it cannot start.
 */
export async function startPostgresServer(options: StartPostgresServerOptions): Promise<PostgresServer> {
  const { directory, user, log } = options;
  await mkdir(dirname(directory), { recursive: true });
  await removeAbandonedStaging(directory);
  if (!(await isInitialised(directory))) {
    const entries = await readdir(directory).catch(() => []);
    if (entries.length > 0) {
      throw new Error(
        `${directory} exists but holds no PostgreSQL cluster; move it aside so one can be created`,
      );
    }
    await initialise(options);
  }
  await handOver(directory, user);
  await assertReachable(user, directory, options.binaries.postgres);
  const leftover = await clearLeftovers(directory);
  if (leftover.kind === "orphaned-server") {
    log.warn(
      { pid: leftover.pid, port: leftover.port },
      "stopped an embedded PostgreSQL left running by a crash",
    );
  } else if (leftover.kind === "stale-pid-file") {
    log.warn({ pid: leftover.pid }, "removed a stale postmaster.pid left by a crash");
  }

  let launched: Launched | undefined;
  let port = options.port ?? 0;
  for (let attempt = 1; launched === undefined; attempt++) {
    const chosen = port === 0 ? await freePort() : port;
    try {
      launched = await launch(options, chosen);
      port = chosen;
    } catch (error) {
      // Another process took the free port between our probe and the server's bind: pick again.
      const portTaken =
        error instanceof Error && /could not bind|Address already in use/i.test(error.message);
      if (!(portTaken && (options.port ?? 0) === 0 && attempt < 3)) throw error;
    }
  }
  const { child, exited } = launched;
  const pid = child.pid ?? 0;
  const killOnExit = () => child.kill("SIGINT");
  process.once("exit", killOnExit);
  let stopping = false;
  exited.then(() => {
    process.removeListener("exit", killOnExit);
    if (!stopping)
      log.warn({ pid, code: child.exitCode, signal: child.signalCode }, "embedded PostgreSQL exited");
  });

  let stopped: Promise<void> | undefined;
  return {
    url: `postgres://${superuserName}:${encodeURIComponent(options.password)}@127.0.0.1:${port}/postgres`,
    port,
    pid,
    leftover,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill("SIGINT");
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), 30_000);
        });
        const late = await Promise.race([exited.then(() => false), timedOut]);
        clearTimeout(timer);
        if (late) {
          child.kill("SIGQUIT");
          await exited;
        }
      })();
      return stopped;
    },
  };
}
