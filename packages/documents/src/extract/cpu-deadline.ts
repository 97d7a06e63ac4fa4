import { readFileSync } from "node:fs";

/** `/proc/<pid>/stat` reports CPU time in USER_HZ ticks, fixed at 100 per second on Linux. */
const ticksPerSecond = 100;
/** How often the child's CPU time is read. */
const pollMs = 100;
/**
 * The default wall-clock backstop, in multiples of the budget: a child that waits rather than computes
 * (or a system without /proc) is still killed, just later.
 */
const defaultWallBackstopFactor = 5;

/** Why a deadline expired: the process used its CPU budget, or the wall-clock backstop passed. */
export type DeadlineReason = "cpu" | "wall";

/** Tuning for {@link startCpuDeadline}. */
export interface CpuDeadlineOptions {
  /** The wall-clock backstop in multiples of the budget (default 5). */
  wallBackstopFactor?: number;
}

/** CPU milliseconds (user + system) a process has used, or null where /proc cannot tell. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces or parentheses: count fields after its closing paren.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const user = Number(fields[11]);
    const system = Number(fields[12]);
    if (!Number.isFinite(user) || !Number.isFinite(system)) return null;
    return ((user + system) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

/**
 * Calls `onExpired` once the process `pid` has used `budgetMs` of CPU time from the call on, or `budgetMs ×
 * wallBackstopFactor` (default 5) of wall time has passed, whichever comes first, with the reason. The extraction child runs at a low CPU priority, so on a busy
 * machine it may wait far longer than it computes: judging it by wall time alone failed documents that
 * were merely queued behind other work. Where /proc is unavailable the budget is wall time. Returns a
 * function that stops the deadline.
 */
export function startCpuDeadline(
  pid: number | undefined,
  budgetMs: number,
  onExpired: (reason: DeadlineReason) => void,
  options: CpuDeadlineOptions = {},
): () => void {
  const wallBackstopMs = budgetMs * (options.wallBackstopFactor ?? defaultWallBackstopFactor);
  const startedAt = performance.now();
  let expired = false;
  const expire = (reason: DeadlineReason) => {
    if (expired) return;
    expired = true;
    stop();
    onExpired(reason);
  };
  // The budget counts from now: a pooled child has already used CPU time on earlier documents.
  const initialCpuMs = pid === undefined ? null : processCpuMs(pid);
  const canMeasure = initialCpuMs !== null;
  const backstop = setTimeout(() => expire("wall"), canMeasure ? wallBackstopMs : budgetMs);
  const poll = canMeasure
    ? setInterval(
        () => {
          const used = processCpuMs(pid as number);
          if (used !== null && used - (initialCpuMs as number) >= budgetMs) expire("cpu");
          else if (performance.now() - startedAt >= wallBackstopMs) expire("wall");
        },
        Math.min(pollMs, budgetMs),
      )
    : undefined;
  function stop() {
    clearTimeout(backstop);
    if (poll !== undefined) clearInterval(poll);
  }
  return stop;
}
