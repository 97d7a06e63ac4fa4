import { describe, expect, it } from "vitest";
import { parseResumeHeuristic } from "../src/index";
import { toResumeLines } from "../src/parse/lines";
import { joinWrappedDateRanges } from "../src/parse/wrapped-dates";

const joined = (text: string) => joinWrappedDateRanges(toResumeLines(text)).map((line) => line.text);

describe("joinWrappedDateRanges: a date range a narrow column wrapped over two lines", () => {
  it.each([
    ["April 2021 – July\n2023", "April 2021 – July 2023"],
    ["03/2019 –\naujourd'hui", "03/2019 – aujourd'hui"],
    ["ene. 2020 –\nactualidad", "ene. 2020 – actualidad"],
    ["seit September\n2021", "seit September 2021"],
    ["Nov. 2018 – Nov.\n2020", "Nov. 2018 – Nov. 2020"],
    ["setembro 2017 – março\n2019", "setembro 2017 – março 2019"],
  ])("%j → %j", (text, line) => {
    expect(joined(text)).toEqual([line]);
  });

  it.each([
    // A complete range stays as it is; the next line is the title.
    ["2019 – 2021\n2020", ["2019 – 2021", "2020"]],
    // The range starts on the second line: a heading or a title line is not part of it.
    ["WORK EXPERIENCE\n2019 – 2021", ["WORK EXPERIENCE", "2019 – 2021"]],
    // The second line goes on past the range: a sentence, not a wrapped date field.
    [
      "Led the team from March\n2021 to 2022 and hired four engineers",
      ["Led the team from March", "2021 to 2022 and hired four engineers"],
    ],
  ])("leaves %j apart", (text, lines) => {
    expect(joined(text)).toEqual(lines);
  });

  it("reads every entry of a Europass dates column whose ranges wrap", () => {
    const profile = parseResumeHeuristic(
      [
        "Rosa Lindqvist",
        "WORK EXPERIENCE",
        "August 2023 –",
        "Present",
        "Platform Engineer",
        "Fjordline Logistics – Bergen, Norway",
        "Moved the fleet to managed Kubernetes",
        "April 2021 – July",
        "2023",
        "Backend Developer",
        "Kestrel Robotics Ltd – Toronto, Canada",
        "Cut p95 latency by a third",
        "EDUCATION",
        "2018",
        "MSc in Computer Science",
        "University of Bergen",
      ].join("\n"),
    );
    expect(
      profile.experiences.map(({ company, title, start, end }) => ({ company, title, start, end })),
    ).toEqual([
      { company: "Fjordline Logistics", title: "Platform Engineer", start: "2023-08", end: "present" },
      { company: "Kestrel Robotics Ltd", title: "Backend Developer", start: "2021-04", end: "2023-07" },
    ]);
  });
});
