import { AppError } from "@vitae/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { pingWithin } from "./ping";

afterEach(() => {
  vi.useRealTimers();
});

describe("pingWithin", () => {
  it("resolves when the probe answers", async () => {
    await expect(pingWithin(1000, "Test", async () => "ok")).resolves.toBeUndefined();
  });

  it("rejects with SERVICE_UNAVAILABLE at the deadline even if the probe never settles, and aborts it", async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    const pending = pingWithin(250, "Test", (given) => {
      signal = given;
      return new Promise(() => undefined);
    });
    const outcome = pending.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(250);
    const error = await outcome;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("SERVICE_UNAVAILABLE");
    expect(signal?.aborted).toBe(true);
  });

  it("wraps a probe failure as SERVICE_UNAVAILABLE and keeps the cause", async () => {
    const cause = new Error("ECONNREFUSED");
    const error = await pingWithin(1000, "Test", async () => {
      throw cause;
    }).catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe("SERVICE_UNAVAILABLE");
    expect((error as AppError).cause).toBe(cause);
  });

  it.each([0, -1, Number.NaN])("refuses a timeout of %s", async (timeout) => {
    await expect(pingWithin(timeout, "Test", async () => "ok")).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
