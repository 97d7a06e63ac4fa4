import type { Plan, QuotaLimits } from "@vitae/config";
import { AppError } from "@vitae/errors";
import { describe, expect, it } from "vitest";
import { createQuotaGuard, type UsageDelta, type UsageStore, type UsageTotals } from "./quota-guard";
import { quotaPeriodOf } from "./quota-period";

const limits: Record<Plan, QuotaLimits> = {
  free: { requests: 3, llmTokens: 100, storedBytes: 1000 },
  pro: { requests: 10, llmTokens: 1000, storedBytes: 5000 },
};

/** An atomic in-memory store (one synchronous read-modify-write per call), like the Postgres upsert. */
function memoryStore() {
  const rows = new Map<string, UsageTotals>();
  const calls: { op: "increment" | "get"; period: string; delta?: UsageDelta }[] = [];
  let failIncrementsAfter = Number.POSITIVE_INFINITY;
  const store: UsageStore = {
    async increment(workspaceId, period, delta) {
      calls.push({ op: "increment", period, delta });
      if (calls.filter((call) => call.op === "increment").length > failIncrementsAfter) {
        throw new Error("store down");
      }
      const key = `${workspaceId}/${period}`;
      const row = rows.get(key) ?? { requests: 0, llmTokens: 0, storedBytes: 0 };
      const next = {
        requests: row.requests + (delta.requests ?? 0),
        llmTokens: row.llmTokens + (delta.llmTokens ?? 0),
        storedBytes: row.storedBytes + (delta.storedBytes ?? 0),
      };
      rows.set(key, next);
      return { ...next };
    },
    async get(workspaceId, period) {
      calls.push({ op: "get", period });
      return { ...(rows.get(`${workspaceId}/${period}`) ?? { requests: 0, llmTokens: 0, storedBytes: 0 }) };
    },
  };
  return {
    store,
    calls,
    rows,
    failIncrementsAfter(count: number) {
      failIncrementsAfter = count;
    },
  };
}

async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const mid = new Date("2026-11-15T12:00:00Z");

describe("quotaPeriodOf", () => {
  it.each([
    ["2026-11-15T12:00:00Z", "2026-11", "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"],
    ["2026-12-31T23:59:59.999Z", "2026-12", "2026-12-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
    ["2027-01-01T00:00:00.000Z", "2027-01", "2027-01-01T00:00:00.000Z", "2027-02-01T00:00:00.000Z"],
    ["2028-02-29T10:00:00Z", "2028-02", "2028-02-01T00:00:00.000Z", "2028-03-01T00:00:00.000Z"],
    // 23:30 on Jan 31 in New York is already February in UTC.
    ["2027-01-31T23:30:00-05:00", "2027-02", "2027-02-01T00:00:00.000Z", "2027-03-01T00:00:00.000Z"],
  ])("puts %s in %s", (instant, key, start, end) => {
    const period = quotaPeriodOf(new Date(instant));
    expect(period).toEqual({ key, start: new Date(start), end: new Date(end) });
  });

  it("refuses an invalid date", () => {
    expect(() => quotaPeriodOf(new Date("nope"))).toThrow(RangeError);
  });
});

describe("createQuotaGuard.consume", () => {
  it("counts usage up to the limit inclusive and returns the new totals", async () => {
    const { store } = memoryStore();
    const guard = createQuotaGuard({ limits, store });
    await expect(guard.consume("ws_1", "free", { requests: 1 }, mid)).resolves.toEqual({
      requests: 1,
      llmTokens: 0,
      storedBytes: 0,
    });
    await guard.consume("ws_1", "free", { requests: 1 }, mid);
    await expect(guard.consume("ws_1", "free", { requests: 1, llmTokens: 100 }, mid)).resolves.toEqual({
      requests: 3,
      llmTokens: 100,
      storedBytes: 0,
    });
  });

  it("refuses a delta that would exceed the limit, with details, and does not count it", async () => {
    const { store, rows } = memoryStore();
    const guard = createQuotaGuard({ limits, store });
    await guard.consume("ws_1", "free", { llmTokens: 90 }, mid);
    const error = await rejectionOf(guard.consume("ws_1", "free", { requests: 1, llmTokens: 11 }, mid));
    expect(error.code).toBe("QUOTA_EXCEEDED");
    expect(error.details).toEqual({
      metric: "llmTokens",
      used: 90,
      requested: 11,
      limit: 100,
      resetAt: "2026-12-01T00:00:00.000Z",
    });
    // The whole refused delta was refunded, including the metric that was still within its limit.
    expect(rows.get("ws_1/2026-11")).toEqual({ requests: 0, llmTokens: 90, storedBytes: 0 });
    await expect(guard.consume("ws_1", "free", { llmTokens: 10 }, mid)).resolves.toMatchObject({
      llmTokens: 100,
    });
  });

  it("admits exactly up to the limit under concurrency", async () => {
    const { store, rows } = memoryStore();
    const guard = createQuotaGuard({ limits, store });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 25 }, () => guard.consume("ws_1", "pro", { requests: 1 }, mid)),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(10);
    expect(rows.get("ws_1/2026-11")?.requests).toBe(10);
  });

  it("applies the plan's limits", async () => {
    const { store } = memoryStore();
    const guard = createQuotaGuard({ limits, store });
    await guard.consume("ws_1", "pro", { storedBytes: 4000 }, mid);
    expect((await rejectionOf(guard.consume("ws_1", "free", { storedBytes: 1 }, mid))).details).toMatchObject(
      {
        metric: "storedBytes",
        used: 4000,
        limit: 1000,
      },
    );
  });

  it("never refuses a delta that lowers stored bytes, even above the limit", async () => {
    const { store } = memoryStore();
    const guard = createQuotaGuard({ limits, store });
    await guard.consume("ws_1", "pro", { storedBytes: 5000 }, mid);
    await expect(guard.consume("ws_1", "free", { storedBytes: -500 }, mid)).resolves.toMatchObject({
      storedBytes: 4500,
    });
  });

  it("starts a fresh month at the UTC boundary and keeps workspaces apart", async () => {
    const { store, calls } = memoryStore();
    const guard = createQuotaGuard({ limits, store });
    const lastInstant = new Date("2026-11-30T23:59:59.999Z");
    for (let call = 0; call < 3; call += 1) await guard.consume("ws_1", "free", { requests: 1 }, lastInstant);
    expect(
      (await rejectionOf(guard.consume("ws_1", "free", { requests: 1 }, lastInstant))).details,
    ).toMatchObject({
      resetAt: "2026-12-01T00:00:00.000Z",
    });
    await expect(guard.consume("ws_2", "free", { requests: 1 }, lastInstant)).resolves.toMatchObject({
      requests: 1,
    });
    await expect(
      guard.consume("ws_1", "free", { requests: 1 }, new Date("2026-12-01T00:00:00.000Z")),
    ).resolves.toMatchObject({ requests: 1 });
    expect(new Set(calls.map((call) => call.period))).toEqual(new Set(["2026-11", "2026-12"]));
  });

  it("reads without writing for an empty delta", async () => {
    const { store, calls } = memoryStore();
    const guard = createQuotaGuard({ limits, store });
    await expect(guard.consume("ws_1", "free", {}, mid)).resolves.toEqual({
      requests: 0,
      llmTokens: 0,
      storedBytes: 0,
    });
    await guard.consume("ws_1", "free", { requests: 0 }, mid);
    expect(calls.map((call) => call.op)).toEqual(["get", "get"]);
  });

  it.each([
    [{ requests: -1 }],
    [{ llmTokens: 1.5 }],
    [{ requests: Number.NaN }],
    [{ storedBytes: Number.POSITIVE_INFINITY }],
  ])("rejects the invalid delta %j before touching the store", async (delta) => {
    const { store, calls } = memoryStore();
    const guard = createQuotaGuard({ limits, store });
    await expect(guard.consume("ws_1", "free", delta, mid)).rejects.toThrow(RangeError);
    expect(calls).toEqual([]);
  });

  it("still refuses when the refund fails, keeping the store error as the cause", async () => {
    const { store, failIncrementsAfter } = memoryStore();
    const guard = createQuotaGuard({ limits, store });
    await guard.consume("ws_1", "free", { requests: 3 }, mid);
    failIncrementsAfter(2);
    const error = await rejectionOf(guard.consume("ws_1", "free", { requests: 1 }, mid));
    expect(error.code).toBe("QUOTA_EXCEEDED");
    expect(error.cause).toEqual(new Error("store down"));
  });

  it("propagates store errors on the increment itself", async () => {
    const { store, failIncrementsAfter } = memoryStore();
    failIncrementsAfter(0);
    const guard = createQuotaGuard({ limits, store });
    await expect(guard.consume("ws_1", "free", { requests: 1 }, mid)).rejects.toThrow("store down");
  });
});

describe("createQuotaGuard.current", () => {
  it("reports usage against the plan's limits for the month containing now", async () => {
    const { store } = memoryStore();
    const guard = createQuotaGuard({ limits, store });
    await guard.consume("ws_1", "pro", { requests: 4, llmTokens: 250, storedBytes: 1200 }, mid);
    await guard.consume("ws_1", "pro", { requests: 1 }, new Date("2026-10-31T23:59:59Z"));
    expect(await guard.current("ws_1", "pro", mid)).toEqual({
      plan: "pro",
      period: { start: "2026-11-01T00:00:00.000Z", end: "2026-12-01T00:00:00.000Z" },
      requests: { used: 4, limit: 10 },
      llmTokens: { used: 250, limit: 1000 },
      storedBytes: { used: 1200, limit: 5000 },
    });
    expect(await guard.current("ws_1", "free", new Date("2026-10-02T00:00:00Z"))).toEqual({
      plan: "free",
      period: { start: "2026-10-01T00:00:00.000Z", end: "2026-11-01T00:00:00.000Z" },
      requests: { used: 1, limit: 3 },
      llmTokens: { used: 0, limit: 100 },
      storedBytes: { used: 0, limit: 1000 },
    });
  });

  it("defaults to the current month", async () => {
    const { store } = memoryStore();
    const guard = createQuotaGuard({ limits, store });
    const before = quotaPeriodOf(new Date());
    const usage = await guard.current("ws_1", "free");
    const after = quotaPeriodOf(new Date());
    expect([before.start.toISOString(), after.start.toISOString()]).toContain(usage.period.start);
  });
});
