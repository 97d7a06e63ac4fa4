import { describe, expect, it } from "vitest";
import corpusLabels from "../corpus/labels.json" with { type: "json" };
import { evaluateSplit } from "../corpus/lib/evaluate";
import { heldOutPools } from "../corpus/lib/held-out-pools";
import { buildCorpus, buildLabels, corpusLayouts } from "../corpus/lib/labels";
import { devPools } from "../corpus/lib/pools";
import { f1Of, scoreProfile } from "../corpus/lib/score";
import { varietyPools } from "../corpus/lib/variety-pools";
import testFloors from "../corpus/results/test-floors.json" with { type: "json" };
import { corpusSeed, heldOutSeed, splitSeed, varietySeed } from "../corpus/seeds";
import corpusSplit from "../corpus/split.json" with { type: "json" };
import { emptyProfile } from "../src/empty-profile";

describe("the evaluation corpus (issue 10)", () => {
  it("is what its seeds generate, split by layout into disjoint halves", () => {
    const { labels, split } = buildCorpus(corpusSeed, heldOutSeed, splitSeed, varietySeed);
    expect(labels).toEqual(corpusLabels);
    expect(split).toEqual(corpusSplit);
    expect(new Set([...corpusSplit.dev, ...corpusSplit.test]).size).toBe(corpusLabels.length);
    for (const layout of corpusLayouts)
      expect(corpusSplit.test.filter((id) => id.startsWith(`${layout}-`))).toHaveLength(3);
  });

  it("draws the test split from held-out pools: no test company, title, school or skill is in a dev pool", () => {
    const test = new Set(corpusSplit.test);
    const testLabels = corpusLabels.filter((label) => test.has(label.id));
    expect(testLabels.every((label) => label.heldOut)).toBe(true);
    const devWords = new Set(
      [devPools, varietyPools]
        .flatMap((pool) => [
          ...pool.companies,
          ...pool.researchInstitutes,
          ...Object.values(pool.titles).flat(),
          ...Object.values(pool.academicTitles).flat(),
          ...Object.values(pool.schools).flat(),
          ...pool.skills,
          ...pool.projectNames,
          ...pool.people,
        ])
        .map((word) => word.toLowerCase()),
    );
    const testWords = testLabels.flatMap((label) => [
      label.name,
      ...label.experiences.flatMap((job) => [job.company, job.title]),
      ...label.education.map((entry) => entry.school),
      ...label.skills,
      ...label.projects.map((project) => project.name),
    ]);
    expect(testWords.filter((word) => devWords.has(word.toLowerCase()))).toEqual([]);
    expect(heldOutPools.companies.filter((company) => devPools.companies.includes(company))).toEqual([]);
  });

  it("scores a swapped company and title on neither field", () => {
    const label = buildLabels(corpusSeed)[0] as (typeof corpusLabels)[number];
    const profile = emptyProfile();
    profile.experiences = label.experiences.map((job) => ({
      company: job.title,
      title: job.company,
      start: job.start as never,
      end: job.end as never,
      location: null,
      bullets: [],
      technologies: [],
    }));
    const scores = scoreProfile(label as never, profile);
    expect(scores.company.tp).toBe(0);
    expect(scores.title.tp).toBe(0);
    expect(f1Of(scores.start).f1).toBe(1);
  });

  // The closing figure of issue 10 is F1 ≥ 0.95 for company, title and dates on every layout and engine of
  // the test split. A cell the parser falls short in would hold at its measured floor
  // (corpus/results/test-floors.json); today none has one, so every cell holds at the target.
  it("holds company, title and dates F1 at the target (or its recorded floor) per layout and engine on the test split", {
    timeout: 300_000,
  }, async () => {
    const evaluation = await evaluateSplit("test");
    const floorOf = (group: "layout" | "engine", key: string, field: string) =>
      (testFloors[group] as Record<string, Record<string, number>>)[key]?.[field] ?? testFloors.target;
    for (const [group, map] of [
      ["layout", evaluation.byLayout],
      ["engine", evaluation.byEngine],
    ] as const)
      for (const [key, scores] of map)
        for (const field of ["company", "title", "start", "end"] as const) {
          const floor = floorOf(group, key, field);
          expect({ key, field, f1: f1Of(scores[field]).f1 >= floor }).toEqual({ key, field, f1: true });
        }
  });
});
