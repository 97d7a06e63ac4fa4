import { describe, expect, it } from "vitest";
import { activityTotals, statusShares } from "./dashboard-figures";

describe("dashboard figures", () => {
  it("names statuses in words, leaves out empty ones and gives shares of the total", () => {
    const { total, shares } = statusShares({ uploaded: 1, processing: 0, ready: 2, failed: 1 });
    expect(total).toBe(4);
    expect(shares).toEqual([
      { status: "ready", label: "Ready", count: 2, percent: 50 },
      { status: "uploaded", label: "Waiting", count: 1, percent: 25 },
      { status: "failed", label: "Could not be read", count: 1, percent: 25 },
    ]);
  });

  it("gives no shares and a zero total for an empty workspace", () => {
    expect(statusShares({ uploaded: 0, processing: 0, ready: 0, failed: 0 })).toEqual({
      total: 0,
      shares: [],
    });
  });

  it("adds the window's days up", () => {
    const days = [
      { day: "2026-03-01", questions: 2, shareVisits: 1 },
      { day: "2026-03-02", questions: 0, shareVisits: 0 },
      { day: "2026-03-03", questions: 5, shareVisits: 2 },
    ];
    expect(activityTotals(days)).toEqual({ questions: 7, shareVisits: 3 });
    expect(activityTotals([])).toEqual({ questions: 0, shareVisits: 0 });
  });
});
