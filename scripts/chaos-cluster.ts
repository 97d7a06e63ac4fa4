/**
 * `pnpm chaos` support: a private cluster on loopback — a `redis-server` on a free port (AOF on, as in
 * production), a database of its own on the local PostgreSQL, and API/worker processes started as
 * production starts them (each app's `start` script run by node itself, flags included) so `kill -9`
 * hits the real process.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const repoRoot = new URL("..", import.meta.url).pathname;

/** The node arguments of an app's `start` script (`node --max-semi-space-size=16 --import tsx src/main.ts`). */
function startArguments(app: "api" | "worker"): string[] {
  const manifest = JSON.parse(readFileSync(join(repoRoot, "apps", app, "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  const [command, ...args] = manifest.scripts.start.split(/\s+/);
  if (command !== "node") throw new Error(`apps/${app} start is not a node command`);
  return args;
}

/** A port that was free a moment ago (bound on loopback by the OS, then released). */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  await once(server, "close");
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The admin URL of the local PostgreSQL (`CHAOS_DATABASE_URL`, default the trust-auth local server). */
function adminUrl(): string {
  return process.env.CHAOS_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

/** Runs SQL through `psql` (no driver needed at the repository root); returns unaligned rows. */
export async function psql(databaseUrl: string, sql: string): Promise<string[][]> {
  const { stdout } = await run("psql", [databaseUrl, "-XAtq", "-F", "\t", "-c", sql], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => line.split("\t"));
}

/** A fresh database for this run; `drop()` removes it (forcing out stray connections). */
export async function createDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  await psql(adminUrl(), `create database "${name}"`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await psql(adminUrl(), `drop database if exists "${name}" with (force)`);
    },
  };
}

/** A private redis-server that can be restarted in place (same port, same AOF directory). */
export interface PrivateRedis {
  url: string;
  restart(hard: boolean): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(dir: string): Promise<PrivateRedis> {
  const port = await freePort();
  const args = [
    "--bind",
    "127.0.0.1",
    "--port",
    String(port),
    "--dir",
    dir,
    "--save",
    "",
    "--appendonly",
    "yes",
    "--appendfsync",
    "everysec",
    "--maxmemory-policy",
    "noeviction",
  ];
  let child: ChildProcess;
  const launch = async () => {
    child = spawn("redis-server", args, { stdio: ["ignore", "pipe", "ignore"] });
    let output = "";
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) break;
    }
  };
  const stop = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill(signal);
    await exited;
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    // Hard: SIGKILL (the last second of AOF may be lost); soft: SIGTERM (Redis flushes and exits).
    restart: async (hard) => {
      await stop(hard ? "SIGKILL" : "SIGTERM");
      await launch();
    },
    stop: () => stop("SIGTERM"),
  };
}

/** One API or worker process, restartable; its output goes to `<logDir>/<name>.log`. */
export interface AppProcess {
  name: string;
  startedAt: number;
  isRunning(): boolean;
  kill(signal: NodeJS.Signals): Promise<void>;
  start(): void;
}

export function appProcess(
  name: string,
  app: "api" | "worker",
  env: Record<string, string>,
  logDir: string,
): AppProcess {
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: "a" });
  let child: ChildProcess | undefined;
  const proc: AppProcess = {
    name,
    startedAt: 0,
    isRunning: () => child !== undefined && child.exitCode === null && child.signalCode === null,
    start() {
      child = spawn(process.execPath, startArguments(app), {
        cwd: join(repoRoot, "apps", app),
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout?.pipe(log, { end: false });
      child.stderr?.pipe(log, { end: false });
      proc.startedAt = Date.now();
    },
    async kill(signal) {
      if (child === undefined || !proc.isRunning()) return;
      const exited = once(child, "exit");
      child.kill(signal);
      await exited;
    },
  };
  return proc;
}

/** Resolves once `url` answers 200 (an API's /readyz, a worker's health port), or throws at the deadline. */
export async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) }).catch(() => null);
    if (response?.ok) return;
    await sleep(250);
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms`);
}
