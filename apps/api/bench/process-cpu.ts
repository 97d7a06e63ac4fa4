import { readdirSync, readFileSync } from "node:fs";

/** Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ, fixed by the kernel's ABI). */
const microsPerTick = 10_000;

/** CPU time (user + system, µs) each process has used so far, with its command name. */
export type CpuSnapshot = ReadonlyMap<number, { command: string; micros: number }>;

/**
 * Every process's CPU time so far, from `/proc/<pid>/stat`; an empty snapshot where there is no `/proc`
 * (the figures then read "-"). A process that exits between the listing and the read is skipped.
 */
export function snapshotCpu(): CpuSnapshot {
  const snapshot = new Map<number, { command: string; micros: number }>();
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return snapshot;
  }
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue;
    }
    // "pid (command) state …": the command may hold spaces and parentheses, so split after the last ")".
    const close = stat.lastIndexOf(")");
    const command = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    // Fields 14 and 15 of the stat line (utime, stime) are the 12th and 13th after the command.
    const ticks = Number(fields[11]) + Number(fields[12]);
    if (Number.isFinite(ticks)) snapshot.set(pid, { command, micros: ticks * microsPerTick });
  }
  return snapshot;
}

/**
 * The CPU time spent between two snapshots, summed per label: `labelOf` names a process (the server,
 * PostgreSQL, the load generator…); every other process counts as "other", so a busy machine shows.
 */
export function cpuSpentBetween(
  before: CpuSnapshot,
  after: CpuSnapshot,
  labelOf: (pid: number, command: string) => string | undefined,
): Map<string, number> {
  const spent = new Map<string, number>();
  for (const [pid, { command, micros }] of after) {
    const delta = micros - (before.get(pid)?.micros ?? 0);
    if (delta <= 0) continue;
    const label = labelOf(pid, command) ?? "other";
    spent.set(label, (spent.get(label) ?? 0) + delta);
  }
  return spent;
}
