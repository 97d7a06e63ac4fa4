import { describe, expect, it } from "vitest";
import { clampPercent, formatMs, titleCase } from "./format";

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
