import { describe, expect, it } from "vitest";
import { Wakeup } from "./wakeup";

async function settles(promise: Promise<void>): Promise<boolean> {
  let isSettled = false;
  void promise.then(() => {
    isSettled = true;
  });
  // Two macrotask turns let any already-resolved promise chain run.
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  return isSettled;
}

describe("Wakeup", () => {
  it("keeps a notification that arrives before anyone waits", async () => {
    const wakeup = new Wakeup();
    wakeup.notify();
    expect(await settles(wakeup.wait())).toBe(true);
  });

  it("coalesces several notifications into one wake-up", async () => {
    const wakeup = new Wakeup();
    wakeup.notify();
    wakeup.notify();
    expect(await settles(wakeup.wait())).toBe(true);
    expect(await settles(wakeup.wait())).toBe(false);
  });

  it("wakes a waiter that is already waiting", async () => {
    const wakeup = new Wakeup();
    const waiting = wakeup.wait();
    expect(await settles(waiting)).toBe(false);
    wakeup.notify();
    expect(await settles(waiting)).toBe(true);
  });
});
