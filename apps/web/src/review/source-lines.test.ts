import { describe, expect, it } from "vitest";
import { locateLines, wordsOf } from "./source-lines";

const lines = [
  "MARCUS LEE",
  "Brightline Health — Senior Data Engineer (2021-07 to present)",
  "Own the Airflow and dbt platform that loads 2 TB a day into Snowflake.",
  "Orbital Retail — Data Engineer (2019-03 to 2021-06)",
  "Python, SQL, Scala, Airflow, dbt, Snowflake",
];

describe("locateLines", () => {
  it("finds a name, a skill and a bullet on their lines", () => {
    expect(locateLines(lines, "Marcus Lee")).toEqual([0]);
    expect(locateLines(lines, "Scala")).toEqual([4]);
    expect(
      locateLines(lines, "Own the Airflow and dbt platform that loads 2 TB a day into Snowflake."),
    ).toEqual([2]);
  });

  it("finds a role's heading line from the role as shown", () => {
    const shown = "Senior Data Engineer Brightline Health Jul 2021 – present";
    expect(locateLines(lines, shown)).toEqual([1]);
  });

  it("finds nothing for a value the document does not hold, or an empty one", () => {
    expect(locateLines(lines, "Kubernetes")).toEqual([]);
    expect(locateLines(lines, " — ")).toEqual([]);
  });

  it("splits words on punctuation", () => {
    expect(wordsOf("Node.js, C++ & Go")).toEqual(["node", "js", "c", "go"]);
  });
});
