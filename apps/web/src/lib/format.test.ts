import { describe, expect, it } from "vitest";
import { clampPercent, formatBytes, formatDate, formatMs, titleCase, usagePercent } from "./format";

describe("formatMs", () => {
  it.each([
    [null, "—"],
    [Number.NaN, "—"],
    [-1, "—"],
    [0.4, "<1 ms"],
    [12.6, "13 ms"],
    [999, "999 ms"],
    [1_440, "1.4 s"],
  ])("formats %s as %s", (input, expected) => {
    expect(formatMs(input)).toBe(expected);
  });
});

describe("clampPercent", () => {
  it("keeps progress within 0–100 and rounds it", () => {
    expect(clampPercent(-5)).toBe(0);
    expect(clampPercent(42.4)).toBe(42);
    expect(clampPercent(180)).toBe(100);
    expect(clampPercent(Number.POSITIVE_INFINITY)).toBe(0);
  });
});

describe("titleCase", () => {
  it("capitalises the first letter only", () => {
    expect(titleCase("postgres")).toBe("Postgres");
    expect(titleCase("")).toBe("");
  });
});

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [512, "512 B"],
    [1536, "1.5 KB"],
    [5 * 1024 ** 3, "5.0 GB"],
    [-1, "—"],
  ])("formats %s as %s", (input, expected) => {
    expect(formatBytes(input)).toBe(expected);
  });
});

describe("usagePercent", () => {
  it("is the rounded, clamped share of the limit, or null without one", () => {
    expect(usagePercent(25, 100)).toBe(25);
    expect(usagePercent(150, 100)).toBe(100);
    expect(usagePercent(5, null)).toBeNull();
    expect(usagePercent(5, 0)).toBeNull();
  });
});

describe("formatDate", () => {
  it("shows a dash for missing or unparsable dates", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDate("not a date")).toBe("—");
    expect(formatDate("2026-03-04T10:00:00Z")).not.toBe("—");
  });
});
