import { describe, expect, it } from "vitest";
import { dateLabels, dayLabels, monthLabels, niceMax } from "./chart-scale";

describe("niceMax", () => {
  it("gives an axis of at least 0–2 for empty or tiny series", () => {
    expect(niceMax(0)).toBe(2);
    expect(niceMax(1)).toBe(2);
    expect(niceMax(Number.NaN)).toBe(2);
  });

  it("rounds up to 1, 2, 4 or 5 times a power of ten with a whole midpoint", () => {
    expect(niceMax(3)).toBe(4);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(11)).toBe(20);
    expect(niceMax(21)).toBe(40);
    expect(niceMax(240)).toBe(400);
    expect(niceMax(1000)).toBe(1000);
    expect(niceMax(1001)).toBe(2000);
  });
});

describe("labels", () => {
  it("names days and months in UTC whatever the browser's zone", () => {
    expect(dayLabels("2026-03-02", "en-GB")).toEqual({ label: "Mon", fullLabel: "Monday 2 March" });
    expect(dateLabels("2026-03-02", "en-GB")).toEqual({ label: "2", fullLabel: "2 March" });
    expect(monthLabels("2026-12", "en-GB")).toEqual({ label: "Dec", fullLabel: "December 2026" });
  });
});
