/**
 * How much fuzzy-matching work one question may cost. Fuzzy name matching is the one part of the pipeline
 * whose cost grows with the product of question and profile sizes, and it runs synchronously on the
 * caller's thread (the API's event loop). It spends edit-distance cells (one step of the dynamic programme)
 * and CPU time from this budget; once either is spent it falls back to exact matching, so a hostile
 * question or profile costs a bounded amount and at worst misses a misspelt name.
 */
export interface WorkBudget {
  /** Edit-distance cells spent so far: the work measure tests and logs read. */
  cells: number;
  /** Edit-distance computations started so far. */
  distanceCalls: number;
  /** This thread's CPU milliseconds spent matching so far. */
  ms: number;
  readonly maxCells: number;
  readonly maxMs: number;
  /** Set once matching stopped early because the cells or the time ran out. */
  exhausted: boolean;
  /** This thread's CPU time when the matching run under way started; null between runs. */
  runStartedAt: NodeJS.CpuUsage | null;
}

export interface WorkLimits {
  /**
   * Edit-distance cells per question. The evaluation's questions spend at most ~5k, a pasted
   * 1,000-character job description ~16k: the default leaves them a tenfold margin.
   */
  maxCells: number;
  /**
   * CPU milliseconds of matching per question: a backstop for work the cells do not count. CPU time of
   * this thread, not wall-clock, so a busy machine (waiting for a core) does not degrade answers.
   */
  maxMs: number;
}

/** At most a few milliseconds of work on one core; ask() shares one budget between all its stages. */
export const defaultWorkLimits: WorkLimits = { maxCells: 200_000, maxMs: 20 };

export function createWorkBudget(limits: Partial<WorkLimits> = {}): WorkBudget {
  const { maxCells, maxMs } = { ...defaultWorkLimits, ...limits };
  return { cells: 0, distanceCalls: 0, ms: 0, maxCells, maxMs, exhausted: false, runStartedAt: null };
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** Runs one matching pass with the budget's clock running. */
export function metered<T>(budget: WorkBudget, run: () => T): T {
  if (budget.runStartedAt !== null) return run();
  const started = process.threadCpuUsage();
  budget.runStartedAt = started;
  try {
    return run();
  } finally {
    budget.ms += cpuMs(process.threadCpuUsage(started));
    budget.runStartedAt = null;
  }
}

/**
 * Whether more fuzzy work may start; marks the budget exhausted the first time it may not. The clock is
 * read every 32 computations: one is at most a few thousand cells, far below a millisecond.
 */
export function canSpend(budget: WorkBudget): boolean {
  if (budget.exhausted) return false;
  if (budget.cells >= budget.maxCells) budget.exhausted = true;
  else if (budget.distanceCalls % 32 === 0) {
    const running = budget.runStartedAt ? cpuMs(process.threadCpuUsage(budget.runStartedAt)) : 0;
    if (budget.ms + running >= budget.maxMs) budget.exhausted = true;
  }
  return !budget.exhausted;
}
