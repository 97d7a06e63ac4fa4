import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const fixturesDir = fileURLToPath(new URL("../../fixtures", import.meta.url));
export const packageDir = fileURLToPath(new URL("../..", import.meta.url));

export function readFixture(...parts: string[]): Buffer {
  return readFileSync(join(fixturesDir, ...parts));
}

/**
 * Live child processes of this process (Linux /proc): used to prove the extraction child is gone once
 * `extractText` settles, whatever the outcome.
 */
export function childProcessIds(): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the parenthesised command name: state, ppid, …
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[1]) === process.pid) children.push(Number(entry));
    } catch {
      // The process exited between readdir and read.
    }
  }
  return children;
}

export const extractionLimits = { timeoutMs: 20_000, maxMemoryMb: 256 } as const;
