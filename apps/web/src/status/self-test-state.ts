/** A self-test job snapshot as `system.selfTestProgress` yields it. */
export interface SelfTestSnapshot {
  id: string;
  status: "queued" | "running" | "succeeded" | "failed";
  progress: number;
  progressMessage: string | null;
  errorCode: string | null;
  // Optional: JSON inference marks `unknown` fields optional, and the contract allows null or absent.
  result?: unknown;
}

export type SelfTestPhase = "idle" | "starting" | "queued" | "running" | "succeeded" | "failed";

export function isTerminal(snapshot: SelfTestSnapshot | null): boolean {
  return snapshot?.status === "succeeded" || snapshot?.status === "failed";
}

/** Where the panel is: `starting` covers the gap between the click and the first snapshot. */
export function selfTestPhase(opts: {
  isStarting: boolean;
  jobRunId: string | null;
  snapshot: SelfTestSnapshot | null;
}): SelfTestPhase {
  if (opts.snapshot !== null && opts.snapshot.id === opts.jobRunId) return opts.snapshot.status;
  if (opts.isStarting || opts.jobRunId !== null) return "starting";
  return "idle";
}

export interface StepTiming {
  name: string;
  durationMs: number;
}

/** The self-test job's steps (`result.timingsMs` keys) in the order they run, with plain names. */
const knownSteps: ReadonlyArray<readonly [key: string, label: string]> = [
  ["write", "Write probe to storage"],
  ["read", "Read probe back and verify"],
  ["record", "Record progress in Postgres"],
  ["delete", "Delete probe from storage"],
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads per-step durations from a self-test `result` (`{ timingsMs: { write, read, record, delete } }`),
 * in run order: the result is stored as Postgres `jsonb`, which does not keep key order. The procedure
 * types `result` as `unknown`, so anything else yields no rows rather than an error (the run still
 * succeeded). Steps this build does not know follow, named as sent.
 */
export function readStepTimings(result: unknown): StepTiming[] {
  if (!isRecord(result) || !isRecord(result.timingsMs)) return [];
  const timings = result.timingsMs;
  const knownKeys = new Set(knownSteps.map(([key]) => key));
  const ordered: Array<readonly [key: string, label: string]> = [
    ...knownSteps.filter(([key]) => Object.hasOwn(timings, key)),
    ...Object.keys(timings)
      .filter((key) => !knownKeys.has(key))
      .map((key) => [key, key] as const),
  ];
  return ordered.flatMap(([key, name]) => {
    const durationMs = timings[key];
    return typeof durationMs === "number" && Number.isFinite(durationMs) ? [{ name, durationMs }] : [];
  });
}
