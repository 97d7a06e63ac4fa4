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
    const expired = new Promise((resolve) => {
      startCpuDeadline(undefined, 50, resolve);
    });
    await expect(expired).resolves.toBe("wall");
  });

  // On a loaded machine the spinner may get a small share of a core, so the wall backstop is pushed far
  // out (100× the budget): what expires it must be its CPU accounting, never the backstop.
  it("expires a process that computes past its CPU budget, by CPU time", { timeout: 90_000 }, async () => {
    const spinner = spawn(process.execPath, ["-e", "for (;;) {}"]);
    await once(spinner, "spawn");
    try {
      const expired = new Promise<{ reason: string; cpuMs: number }>((resolve) => {
        startCpuDeadline(
          spinner.pid,
          300,
          (reason) => resolve({ reason, cpuMs: processCpuMs(spinner.pid ?? 0) ?? 0 }),
          { wallBackstopFactor: 100 },
        );
      });
      const { reason, cpuMs } = await expired;
      expect(reason).toBe("cpu");
      expect(cpuMs).toBeGreaterThanOrEqual(300);
    } finally {
      spinner.kill("SIGKILL");
    }
  });

  it("expires by the wall backstop when the process only waits", async () => {
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"]);
    await once(sleeper, "spawn");
    try {
      const expired = new Promise((resolve) => {
        startCpuDeadline(sleeper.pid, 100, resolve, { wallBackstopFactor: 3 });
      });
      await expect(expired).resolves.toBe("wall");
    } finally {
      sleeper.kill("SIGKILL");
    }
  });
});
