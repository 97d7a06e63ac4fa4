import { describe, expect, it } from "vitest";
import {
  formatDateRange,
  formatYearMonth,
  newestFirst,
  parseYearMonthInput,
  yearOnlyIfJanuary,
} from "./year-month";

describe("formatYearMonth", () => {
  it.each([
    ["2020-01", "Jan 2020"],
    ["2019-12", "Dec 2019"],
    ["1999-06", "Jun 1999"],
  ])("formats %s as %s", (input, expected) => {
    expect(formatYearMonth(input)).toBe(expected);
  });

  it("shows only the year when the résumé gave only a year", () => {
    expect(formatYearMonth("2015-01", "year")).toBe("2015");
  });

  it.each([null, undefined, "", "2020", "2020-13", "2020-00", "20-01", "present", "2020-1"])(
    "rejects %j",
    (input) => {
      expect(formatYearMonth(input)).toBeNull();
    },
  );
});

describe("formatDateRange", () => {
  it("formats an ongoing role as '… – Present'", () => {
    expect(formatDateRange("2020-01", "present")).toBe("Jan 2020 – Present");
  });

  it("formats closed ranges, single months and year-only ends", () => {
    expect(formatDateRange("2018-03", "2019-12")).toBe("Mar 2018 – Dec 2019");
    expect(formatDateRange("2018-03", "2018-03")).toBe("Mar 2018");
    expect(formatDateRange("2015-01", "2017-01", { start: "year", end: "year" })).toBe("2015 – 2017");
  });

  it("says what is known when an end is missing", () => {
    expect(formatDateRange("2020-01", null)).toBe("Since Jan 2020");
    expect(formatDateRange(null, "2019-12")).toBe("Until Dec 2019");
    expect(formatDateRange(null, "present")).toBe("Present");
    expect(formatDateRange(null, null)).toBe("");
    expect(formatDateRange("garbage", null)).toBe("");
  });
});

describe("newestFirst", () => {
  it("puts current roles first, then by end and start date, unknown dates last, stably", () => {
    const items = [
      { id: "old", start: "2010-01", end: "2012-06" },
      { id: "unknown", start: null, end: null },
      { id: "current", start: "2021-02", end: "present" },
      { id: "recent", start: "2018-01", end: "2021-01" },
      { id: "same-end-later-start", start: "2019-01", end: "2021-01" },
      { id: "unknown-2", start: null, end: null },
    ];
    expect(newestFirst(items).map((item) => item.id)).toEqual([
      "current",
      "same-end-later-start",
      "recent",
      "old",
      "unknown",
      "unknown-2",
    ]);
    expect(items[0]?.id).toBe("old");
  });
});

describe("parseYearMonthInput", () => {
  it("accepts YYYY-MM and empty (unknown), rejects the rest in plain words", () => {
    expect(parseYearMonthInput(" 2020-05 ")).toEqual({ isValid: true, value: "2020-05" });
    expect(parseYearMonthInput("")).toEqual({ isValid: true, value: null });
    expect(parseYearMonthInput("2020-13")).toMatchObject({ isValid: false });
    expect(parseYearMonthInput("May 2020")).toMatchObject({
      isValid: false,
      error: expect.stringMatching(/YYYY-MM/),
    });
  });
});

describe("yearOnlyIfJanuary", () => {
  it("reads a January date as a year alone, as the contract stores one", () => {
    expect(yearOnlyIfJanuary("2012-01")).toBe("year");
    expect(yearOnlyIfJanuary("2012-09")).toBe("month");
    expect(yearOnlyIfJanuary(null)).toBe("month");
    expect(
      formatDateRange("2012-01", "2014-01", {
        start: yearOnlyIfJanuary("2012-01"),
        end: yearOnlyIfJanuary("2014-01"),
      }),
    ).toBe("2012 – 2014");
  });
});
