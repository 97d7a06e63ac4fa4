import { describe, expect, it } from "vitest";
import { loadProfile } from "../eval/fixtures";
import { adversarialQuestions } from "../fixtures/adversarial";
import { extractDates } from "./dates";
import { extractEntities } from "./entities";
import { profileTechnologies } from "./facts";
import { classifyIntent } from "./intent";
import { normalizeQuestion } from "./normalize";
import { extractTechnologies, maxQuestionTechnologies } from "./technologies";

const maria = loadProfile("maria-santos.json");
const james = loadProfile("james-okafor.json");
const now = new Date("2025-06-15T00:00:00Z");
const dates = (text: string) => extractDates(text, { now, profile: maria });

describe("extractDates", () => {
  it.each([
    ["in 2021", { kind: "range", start: "2021-01", end: "2021-12" }],
    ["since 2019", { kind: "range", start: "2019-01", end: "2025-06" }],
    ["after 2019", { kind: "range", start: "2020-01", end: "2025-06" }],
    ["before 2018", { kind: "range", start: null, end: "2017-12" }],
    ["between 2016 and 2018", { kind: "range", start: "2016-01", end: "2018-12" }],
    ["2016–2018", { kind: "range", start: "2016-01", end: "2018-12" }],
    ["in March 2020", { kind: "range", start: "2020-03", end: "2020-03" }],
    ["in the last three years", { kind: "range", start: "2022-06", end: "2025-06" }],
    ["over the past 18 months", { kind: "range", start: "2023-12", end: "2025-06" }],
    ["last year", { kind: "range", start: "2024-01", end: "2024-12" }],
    ["in the 2010s", { kind: "range", start: "2010-01", end: "2019-12" }],
    ["before Farfetch", { kind: "range", start: null, end: "2019-01" }],
    ["after leaving OutSystems", { kind: "range", start: "2019-02", end: "2025-06" }],
    ["what is she doing currently", { kind: "current" }],
    ["her first job", { kind: "first" }],
    ["her previous role", { kind: "previous" }],
  ])("resolves %s", (text, expected) => {
    expect(dates(text)).toEqual(expected);
  });

  it("finds nothing in an undated question", () => {
    expect(dates("Does she know Kotlin?")).toBeNull();
    expect(dates("Did she cut latency by 38%?")).toBeNull();
  });
});

describe("extractTechnologies", () => {
  const techs = (text: string, profile = maria) =>
    extractTechnologies(text, profileTechnologies(profile)).technologies;

  it("maps aliases and abbreviations to canonical names", () => {
    expect(techs("Does she know k8s and JS?")).toEqual(["Kubernetes", "JavaScript"]);
    expect(techs("any postgres?")).toEqual(["PostgreSQL"]);
  });

  it("widens sql to the SQL databases the profile holds", () => {
    expect(techs("Has she worked with sql?").sort()).toEqual(["MySQL", "PostgreSQL", "SQL Server"]);
    expect(techs("Can he write SQL?", james).sort()).toEqual(["Google BigQuery", "PostgreSQL"]);
  });

  it("accepts an ambiguous name the profile holds and keeps longer names whole", () => {
    expect(techs("Has she used Go at work?")).toEqual(["Go"]);
    expect(techs("Did she use Ruby on Rails?")).toEqual(["Ruby on Rails"]);
    expect(techs("Does he know Python?", james)).toEqual(["Python"]);
  });

  it("reads at most maxQuestionTechnologies from a pasted list of names", () => {
    const list = extractTechnologies(
      adversarialQuestions.technologyList as string,
      profileTechnologies(maria),
    );
    expect(list.mentioned.length).toBe(maxQuestionTechnologies);
    expect(list.technologies.length).toBeLessThanOrEqual(maxQuestionTechnologies);
  });

  it("reports category questions", () => {
    expect(extractTechnologies("Which databases does she know?", new Set()).categories).toEqual(["database"]);
  });
});

describe("extractEntities", () => {
  const names = (text: string) => extractEntities(text, maria).map((entity) => entity.name);
  it.each([
    ["What did she do at Zalando?", "Zalando SE"],
    ["Did she work at Farfech?", "Farfetch"],
    ["time at outsystems", "OutSystems"],
    ["What did she study at IST?", "Instituto Superior Técnico"],
    ["Tell me about pgwatch lite", "pgwatch-lite"],
    ["When was she a senior backend engineer?", "Senior Backend Engineer"],
  ])("finds %s", (text, expected) => {
    expect(names(text)).toContain(expected);
  });

  it("does not invent entities", () => {
    expect(names("Does she know Kotlin and Redis?")).toEqual([]);
  });
});

describe("classifyIntent", () => {
  const intent = (text: string, technologyCount = 0) =>
    classifyIntent(normalizeQuestion(text), {
      technologyCount,
      entityKinds: [],
      hasDates: false,
      personName: "Maria Santos",
    }).intent;
  it.each([
    ["Hello!", "greeting"],
    ["What can you do?", "meta"],
    ["What's her email?", "contact"],
    ["When can she start?", "availability"],
    ["Would she be a good fit for our platform team?", "fit-for-role"],
    ["Where did she study?", "education"],
    ["Any side projects?", "projects"],
    ["What are her main skills?", "skills"],
    ["What does Maria do?", "experience"],
    ["Tell me about her", "summary"],
    ["Walk me through her career path", "timeline"],
    ["Is it going to rain?", "out-of-scope"],
  ])("%s → %s", (text, expected) => {
    expect(intent(text)).toBe(expected);
  });

  it("gives a confidence between 0 and 1", () => {
    const result = classifyIntent(normalizeQuestion("Where did she study?"), {
      technologyCount: 0,
      entityKinds: [],
      hasDates: false,
    });
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });
});
