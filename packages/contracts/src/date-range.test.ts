import { describe, expect, it } from "vitest";
import { currentYearMonth, dateRangeProblem } from "./date-range";

const now = new Date("2026-12-06T13:00:00Z");

describe("dateRangeProblem", () => {
  it("accepts known, open and current ranges", () => {
    expect(dateRangeProblem("2020-01", "2021-05", now)).toBeNull();
    expect(dateRangeProblem("2020-01", "2020-01", now)).toBeNull();
    expect(dateRangeProblem("2026-12", "present", now)).toBeNull();
    expect(dateRangeProblem(null, "2021-05", now)).toBeNull();
    expect(dateRangeProblem("2020-01", null, now)).toBeNull();
    expect(dateRangeProblem(undefined, undefined, now)).toBeNull();
  });

  it("refuses a start in the future and an end before the start", () => {
    expect(dateRangeProblem("2027-01", "present", now)).toBe("start-in-future");
    expect(dateRangeProblem("2021-06", "2021-05", now)).toBe("end-before-start");
  });

  it("names the month in UTC", () => {
    expect(currentYearMonth(new Date("2026-12-31T23:59:59Z"))).toBe("2026-12");
  });
});
