import { describe, expect, it } from "vitest";
import { findDateRange, findSingleDate, parseOneDate, withoutDate } from "../src/parse/dates";

describe("findDateRange", () => {
  it.each([
    ["Jan 2020 – Present", "2020-01", "present"],
    ["January 2020 - current", "2020-01", "present"],
    ["Sept. 2019 — Mar 2021", "2019-09", "2021-03"],
    ["2019-03 to 2021-06", "2019-03", "2021-06"],
    ["2019/03 – 2021/06", "2019-03", "2021-06"],
    ["03/2018 - 12/2019", "2018-03", "2018-03".replace("2018-03", "2019-12")],
    ["3.2018–12.2019", "2018-03", "2019-12"],
    ["2017 – 2019", "2017-01", "2019-01"],
    ["2017-2019", "2017-01", "2019-01"],
    ["Engineer (2021-07 to present)", "2021-07", "present"],
    ["Jun 2016 until Feb 2018", "2016-06", "2018-02"],
    ["Since March 2021", "2021-03", "present"],
    ["Engineer | Acme | From 2021", "2021-01", "present"],
    ["ab Okt. 2020", "2020-10", "present"],
    ["janv. 2018 – à ce jour", "2018-01", "present"],
    ["ene. 2019 – la fecha", "2019-01", "present"],
    ["mar 2017 – até à data", "2017-03", "present"],
    ["avr 2018 – aoû 2020", "2018-04", "2020-08"],
    ["Mär 2019 – bis jetzt", "2019-03", "present"],
    ["fév 2020 – déc 2021", "2020-02", "2021-12"],
    ["oct 2022 – maintenant", "2022-10", "present"],
    ["Engineer | Acme | Starting Jan. 2021", "2021-01", "present"],
    ["Dès mars 2021", "2021-03", "present"],
  ])("%s", (line, start, end) => {
    expect(findDateRange(line)).toMatchObject({ start, end });
  });

  it.each([
    "Call +351 912 345 678",
    "Won 2 of 2019 awards",
    "Jan 2020",
    "2021 – 2019",
    "13/2019 - 14/2020",
    "v2019-03 build",
    "1850 – 1860",
    "Grew revenue 20% from 2019 levels",
  ])("finds no range in %j", (line) => {
    expect(findDateRange(line)).toBeNull();
  });

  it("removes the date and the separators left around it", () => {
    const line = "Senior Engineer | Acme | 01/2020 - Present";
    const found = findDateRange(line);
    expect(found).not.toBeNull();
    if (found !== null) expect(withoutDate(line, found)).toBe("Senior Engineer | Acme");
  });
});

describe("single dates", () => {
  it("parses each notation, and rejects what is not a date", () => {
    expect(parseOneDate("Dec 1999")).toBe("1999-12");
    expect(parseOneDate("2014")).toBe("2014-01");
    expect(parseOneDate("Foo 2014")).toBeNull();
    expect(findSingleDate("Graduated May 2017")).toMatchObject({ end: "2017-05" });
    expect(findSingleDate("No dates here")).toBeNull();
  });
});
