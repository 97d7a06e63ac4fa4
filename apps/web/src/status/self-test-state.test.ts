import { describe, expect, it } from "vitest";
import { isTerminal, readStepTimings, type SelfTestSnapshot, selfTestPhase } from "./self-test-state";

const snapshot = (overrides: Partial<SelfTestSnapshot>): SelfTestSnapshot => ({
  id: "run-1",
  status: "running",
  progress: 50,
  progressMessage: "Checking storage",
  errorCode: null,
  result: null,
  ...overrides,
});

describe("selfTestPhase", () => {
  it("is idle before anything was started", () => {
    expect(selfTestPhase({ isStarting: false, jobRunId: null, snapshot: null })).toBe("idle");
  });

  it("is starting between the click and the first snapshot", () => {
    expect(selfTestPhase({ isStarting: true, jobRunId: null, snapshot: null })).toBe("starting");
    expect(selfTestPhase({ isStarting: false, jobRunId: "run-1", snapshot: null })).toBe("starting");
  });

  it("follows the snapshot of the current run only", () => {
    expect(selfTestPhase({ isStarting: false, jobRunId: "run-1", snapshot: snapshot({}) })).toBe("running");
    const stale = snapshot({ id: "run-0", status: "failed" });
    expect(selfTestPhase({ isStarting: false, jobRunId: "run-1", snapshot: stale })).toBe("starting");
  });
});

describe("isTerminal", () => {
  it("is true only for succeeded and failed", () => {
    expect(isTerminal(null)).toBe(false);
    expect(isTerminal(snapshot({ status: "queued" }))).toBe(false);
    expect(isTerminal(snapshot({ status: "running" }))).toBe(false);
    expect(isTerminal(snapshot({ status: "succeeded" }))).toBe(true);
    expect(isTerminal(snapshot({ status: "failed" }))).toBe(true);
  });
});

describe("readStepTimings", () => {
  it("names the job's steps in run order and skips non-numeric entries", () => {
    // jsonb hands keys back sorted by length, not in the order the job wrote them.
    const result = { bytes: 1024, timingsMs: { read: 0.8, write: 1.5, delete: 2, record: "slow" } };
    expect(readStepTimings(result)).toEqual([
      { name: "Write probe to storage", durationMs: 1.5 },
      { name: "Read probe back and verify", durationMs: 0.8 },
      { name: "Delete probe from storage", durationMs: 2 },
    ]);
  });

  it("shows unknown step names as sent", () => {
    expect(readStepTimings({ timingsMs: { warmup: 3, write: 1 } })).toEqual([
      { name: "Write probe to storage", durationMs: 1 },
      { name: "warmup", durationMs: 3 },
    ]);
  });

  it("yields nothing for results without timings", () => {
    expect(readStepTimings(null)).toEqual([]);
    expect(readStepTimings("ok")).toEqual([]);
    expect(readStepTimings({ timingsMs: [1, 2] })).toEqual([]);
  });
});
