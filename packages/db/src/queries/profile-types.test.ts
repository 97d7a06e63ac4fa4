import { AppError } from "@vitae/errors";
import { describe, expect, it } from "vitest";
import { dateToYearMonth, experienceEndToColumns, yearMonthToDate } from "./profile-types";

describe("month conversion", () => {
  it("stores YYYY-MM as the first of the month and reads it back", () => {
    expect(yearMonthToDate("2021-03")).toBe("2021-03-01");
    expect(dateToYearMonth("2021-03-01")).toBe("2021-03");
    expect(yearMonthToDate(null)).toBeNull();
    expect(dateToYearMonth(null)).toBeNull();
  });

  it.each(["2021-13", "2021-00", "21-03", "2021-3", "2021-03-01", "present", ""])(
    "rejects %j with BAD_REQUEST",
    (value) => {
      expect(() => yearMonthToDate(value)).toThrow(AppError);
      try {
        yearMonthToDate(value);
      } catch (error) {
        expect((error as AppError).code).toBe("BAD_REQUEST");
      }
    },
  );

  it("maps an experience's end: present is current with no end month", () => {
    expect(experienceEndToColumns("present")).toEqual({ endMonth: null, isCurrent: true });
    expect(experienceEndToColumns("2020-12")).toEqual({ endMonth: "2020-12-01", isCurrent: false });
    expect(experienceEndToColumns(null)).toEqual({ endMonth: null, isCurrent: false });
  });
});
