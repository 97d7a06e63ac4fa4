import { execFile } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** What `postmaster.pid` says (see PostgreSQL's `pidfile.h`): line 1 the PID, line 8 the status. */
export interface PidFile {
  pid: number;
  dataDirectory: string;
  port: number;
  status: string;
}

/** Reads `<directory>/postmaster.pid`; `undefined` when absent or not (yet) complete. */
export async function readPidFile(directory: string): Promise<PidFile | undefined> {
  let text: string;
  try {
    text = await readFile(join(directory, "postmaster.pid"), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return {
    pid,
    dataDirectory: lines[1] ?? "",
    port: Number(lines[3]),
    status: (lines[7] ?? "").trim(),
  };
}

/** True while a process with this PID exists (EPERM: it exists but belongs to someone else). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function commandLineOf(pid: number): Promise<string> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, "utf8")).replaceAll("\0", " ");
  } catch {
    // No procfs (macOS): ask ps.
    try {
      return (await run("ps", ["-o", "command=", "-p", String(pid)])).stdout;
    } catch {
      return "";
    }
  }
}

/** Polls until the process is gone or `timeoutMs` passes; true when gone. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** What {@link clearLeftovers} found and did, for the log. */
export type Leftover =
  | { kind: "none" }
  | { kind: "stale-pid-file"; pid: number }
  | { kind: "orphaned-server"; pid: number; port: number };

/**
 * Makes the data directory startable after a crash of the process that owned its server. A
 * `postmaster.pid` whose process is gone — or whose PID now belongs to an unrelated process, common in
 * containers where PIDs restart low — is removed (PostgreSQL would refuse the reused-PID case). A live
 * PostgreSQL still serving this directory (its parent was killed with SIGKILL) is shut down: fast
 * shutdown first, immediate after 10 s; it keeps its data consistent either way.
 */
export async function clearLeftovers(directory: string): Promise<Leftover> {
  const pidFile = await readPidFile(directory);
  if (!pidFile) return { kind: "none" };
  const { pid } = pidFile;
  if (isAlive(pid)) {
    const commandLine = await commandLineOf(pid);
    if (/\bpostgres\b/.test(commandLine) && commandLine.includes(directory)) {
      process.kill(pid, "SIGINT");
      if (!(await waitForExit(pid, 10_000))) {
        process.kill(pid, "SIGQUIT");
        if (!(await waitForExit(pid, 5_000))) {
          throw new Error(`an earlier PostgreSQL (PID ${pid}) still serves ${directory} and did not stop`);
        }
      }
      // A fast shutdown removes the file itself; an immediate one may not.
      await rm(join(directory, "postmaster.pid"), { force: true });
      return { kind: "orphaned-server", pid, port: pidFile.port };
    }
  }
  await rm(join(directory, "postmaster.pid"), { force: true });
  return { kind: "stale-pid-file", pid };
}
