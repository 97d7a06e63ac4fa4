import { describe, expect, it } from "vitest";
import { ProviderError } from "./provider-error";
import { abortableSleep, createResilience, type ResilienceClock } from "./resilience";

function clockWith(random: number, sleeps: number[]): ResilienceClock {
  return {
    now: () => 0,
    random: () => random,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
}

const serverError = () => new ProviderError("status", "boom", { status: 500 });

async function delaysFor(random: number, maxRetries: number): Promise<number[]> {
  const sleeps: number[] = [];
  const resilience = createResilience({
    retry: { maxRetries, baseDelayMs: 100, maxDelayMs: 1000 },
    breaker: { consecutiveFailures: 100, cooldownMs: 1000 },
    clock: clockWith(random, sleeps),
  });
  await resilience
    .execute(() => Promise.reject(serverError()), { timeoutMs: 1000, signal: undefined })
    .catch(() => undefined);
  return sleeps;
}

describe("backoff", () => {
  it("doubles from the base delay with equal jitter and never exceeds the cap", async () => {
    expect(await delaysFor(0, 6)).toEqual([50, 100, 200, 400, 500, 500]);
    const highest = await delaysFor(0.9999, 6);
    expect(highest.map((ms) => Math.round(ms / 10) * 10)).toEqual([100, 200, 400, 800, 1000, 1000]);
    for (const ms of highest) expect(ms).toBeLessThanOrEqual(1000);
  });

  it("makes maxRetries + 1 attempts in all", async () => {
    let attempts = 0;
    const resilience = createResilience({
      retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 1 },
      breaker: { consecutiveFailures: 100, cooldownMs: 1000 },
      clock: clockWith(0, []),
    });
    await resilience
      .execute(
        () => {
          attempts += 1;
          return Promise.reject(serverError());
        },
        { timeoutMs: 1000, signal: undefined },
      )
      .catch(() => undefined);
    expect(attempts).toBe(4);
  });

  it("does not retry a non-transient failure or an unknown error", async () => {
    for (const error of [
      new ProviderError("status", "no", { status: 401 }),
      new ProviderError("protocol", "x"),
      new TypeError("bug"),
    ]) {
      let attempts = 0;
      const resilience = createResilience({
        retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 1 },
        breaker: { consecutiveFailures: 100, cooldownMs: 1000 },
        clock: clockWith(0, []),
      });
      const thrown = await resilience
        .execute(
          () => {
            attempts += 1;
            return Promise.reject(error);
          },
          { timeoutMs: 1000, signal: undefined },
        )
        .catch((caught: unknown) => caught);
      expect(thrown).toBe(error);
      expect(attempts).toBe(1);
    }
  });
});

describe("abortableSleep", () => {
  it("rejects with the signal's reason as soon as it aborts", async () => {
    const controller = new AbortController();
    const reason = new Error("stop");
    const waiting = abortableSleep(60_000, controller.signal);
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
  });

  it("rejects at once for an already aborted signal", async () => {
    await expect(abortableSleep(60_000, AbortSignal.abort(new Error("gone")))).rejects.toThrow("gone");
  });

  it("resolves after the wait", async () => {
    await expect(abortableSleep(1, new AbortController().signal)).resolves.toBeUndefined();
  });
});
