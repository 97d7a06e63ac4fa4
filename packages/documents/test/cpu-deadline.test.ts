import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { processCpuMs, startCpuDeadline } from "../src/extract/cpu-deadline";

describe("processCpuMs", () => {
  it("reads this process's CPU time from /proc, and null for a process that does not exist", () => {
    const mine = processCpuMs(process.pid);
    expect(mine).not.toBeNull();
    expect(mine).toBeGreaterThan(0);
    expect(processCpuMs(2 ** 22 + 7)).toBeNull();
  });
});

describe("startCpuDeadline", () => {
  it("lets a process that only waits run past its CPU budget in wall time", async () => {
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"]);
    await once(sleeper, "spawn");
    let expired = false;
    const stop = startCpuDeadline(sleeper.pid, 1_000, () => {
      expired = true;
    });
    try {
      // Twice the budget in wall time, well short of the 5× backstop; the sleeper has hardly used CPU.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(expired).toBe(false);
    } finally {
      stop();
      sleeper.kill("SIGKILL");
    }
  });

  it("falls back to wall time where the process cannot be measured", async () => {
    const expired = new Promise<true>((resolve) => {
      startCpuDeadline(undefined, 50, () => resolve(true));
    });
    await expect(expired).resolves.toBe(true);
  });

  it("expires a process that computes past its CPU budget", async () => {
    const spinner = spawn(process.execPath, ["-e", "for (;;) {}"]);
    await once(spinner, "spawn");
    try {
      const expired = new Promise<number>((resolve) => {
        startCpuDeadline(spinner.pid, 300, () => resolve(processCpuMs(spinner.pid ?? 0) ?? 0));
      });
      expect(await expired).toBeGreaterThanOrEqual(300);
    } finally {
      spinner.kill("SIGKILL");
    }
  });
});
