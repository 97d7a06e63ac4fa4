import { describe, expect, it } from "vitest";
import { extractRequirements } from "./extract";
import { profileFacts, yearsCovered } from "./facts";
import { scoreProfile, scorerVersion } from "./score";
import { testProfile } from "./test-fixtures";
import type { MatchProfile, Requirement } from "./types";

const today = new Date("2026-12-15T12:00:00Z");
const requirement = (overrides: Partial<Requirement>): Requirement => ({
  id: "r1",
  kind: "skill",
  weight: "must",
  text: "",
  canonical: null,
  span: { start: 0, end: 0 },
  ...overrides,
});
const statusOf = (profile: MatchProfile, r: Requirement) =>
  scoreProfile(profile, [r], { today }).requirements[0];

describe("yearsCovered", () => {
  const experience = (start: string | null, end: string | null) =>
    ({ ...profileFacts(testProfile())[1], start, end }) as ReturnType<typeof profileFacts>[number];

  it("merges overlapping ranges and counts 'present' up to today", () => {
    const facts = [
      experience("2020-01", "2021-12"),
      experience("2021-01", "present"),
      experience("2019-01", "2019-12"),
    ];
    // 2019-01..2019-12 and 2020-01..2026-12 touch: 8 whole years.
    expect(yearsCovered(facts, "2026-12")).toBe(8);
  });

  it("counts an unknown end as one month and ignores a missing start", () => {
    expect(yearsCovered([experience("2020-01", null), experience(null, "2024-01")], "2026-12")).toBe(0.1);
  });

  it("ignores a range that ends before it starts", () => {
    expect(yearsCovered([experience("2024-01", "2020-01")], "2026-12")).toBe(0);
  });
});

describe("scoreProfile", () => {
  const profile = testProfile();

  it("meets a technology through an alias and cites the fact ids and the words", () => {
    const result = statusOf(profile, requirement({ kind: "tool", canonical: "Kubernetes" }));
    expect(result?.status).toBe("met");
    expect(result?.evidence).toEqual(
      expect.arrayContaining([
        { factId: "e1", text: "Kubernetes" },
        { factId: "s3", text: "k8s" },
      ]),
    );
  });

  it("gives partial credit for an interchangeable sibling, none for a collaborator", () => {
    expect(statusOf(profile, requirement({ canonical: "MySQL" }))?.status).toBe("partial");
    expect(statusOf(profile, requirement({ canonical: "SQL" }))?.status).toBe("met");
    expect(statusOf(profile, requirement({ kind: "tool", canonical: "Docker" }))?.status).toBe("missing");
  });

  it("computes years from dates, for a technology or overall", () => {
    const go = requirement({ kind: "years", canonical: "Go", minYears: 5 });
    expect(statusOf(profile, go)).toMatchObject({
      status: "met",
      evidence: [{ factId: "e1", text: "5.8 years" }],
    });
    expect(statusOf(profile, { ...go, minYears: 10 })?.status).toBe("partial");
    expect(statusOf(profile, { ...go, minYears: 20 })?.status).toBe("missing");
    // 2018-01..present merged with the overlapping Go job: 9 years.
    expect(statusOf(profile, requirement({ kind: "years", minYears: 9 }))?.status).toBe("met");
  });

  it("matches degrees by level and field synonyms", () => {
    const withDegree = (degree: string, field: string) =>
      testProfile({ education: [{ id: "ed", school: "U", degree, field, start: null, end: null }] });
    const bachelorCs = requirement({ kind: "degree", canonical: "bachelor", fields: ["computer-science"] });
    const masterCs = { ...bachelorCs, canonical: "master" };
    expect(statusOf(withDegree("B.S.", "CS"), bachelorCs)?.status).toBe("met");
    expect(statusOf(withDegree("Diplom", "Informatik"), masterCs)?.status).toBe("met");
    expect(statusOf(withDegree("Licenciatura", "Informática"), bachelorCs)?.status).toBe("met");
    expect(statusOf(withDegree("Ph.D.", "Computer Science"), masterCs)?.status).toBe("met");
    expect(statusOf(withDegree("BSc", "Computer Science"), masterCs)?.status).toBe("partial");
    expect(statusOf(withDegree("MSc", "Biology"), bachelorCs)?.status).toBe("partial");
    expect(statusOf(withDegree("High school", "Biology"), bachelorCs)?.status).toBe("missing");
  });

  it("finds languages and certifications in the profile text", () => {
    expect(statusOf(profile, requirement({ kind: "language", canonical: "English" }))?.status).toBe("met");
    expect(statusOf(profile, requirement({ kind: "language", canonical: "German" }))?.status).toBe("missing");
    const certified = testProfile({ summary: "Holds the CKA." });
    expect(statusOf(certified, requirement({ kind: "certification", canonical: "CKA" }))?.status).toBe("met");
    // CKAD is another certification: it does not meet CKA.
    const ckad = testProfile({ summary: "Holds the CKAD." });
    expect(statusOf(ckad, requirement({ kind: "certification", canonical: "CKA" }))?.status).toBe("missing");
  });

  it("accepts an attestation as evidence", () => {
    const rust = requirement({ canonical: "Rust" });
    expect(statusOf(profile, rust)?.status).toBe("missing");
    const attested = testProfile({ attestations: [{ id: "att1", skill: "rust", note: "side projects" }] });
    expect(statusOf(attested, rust)).toMatchObject({ status: "met", evidence: [{ factId: "att1" }] });
    const unnamed = testProfile({ attestations: [{ skill: "Rust" }] });
    expect(statusOf(unnamed, rust)).toMatchObject({
      status: "met",
      evidence: [{ factId: "p:attestation:0" }],
    });
  });

  it("scores 0-100 from published weights with a breakdown, deterministically", () => {
    const requirements = extractRequirements(
      "Requirements:\n- Go\n- Docker\nNice to have:\n- Python\n- Rust\nWhat you'll do:\n- Build payment services",
    );
    const first = scoreProfile(profile, requirements, { today });
    expect(first.scorerVersion).toBe(scorerVersion);
    // must: Go met (3) + Docker missing (0) of 6; nice: Python met (1) + Rust missing of 2; duty 0.5 of 0.5.
    expect(first.breakdown.must).toMatchObject({ points: 6, earned: 3, met: 1, missing: 1 });
    expect(first.score).toBe(Math.round((100 * (3 + 1 + 0.5)) / (6 + 2 + 0.5)));
    expect(first.missing[0]).toBe(requirements.find((r) => r.canonical === "Docker")?.id);
    expect(JSON.stringify(scoreProfile(profile, requirements, { today }))).toBe(JSON.stringify(first));
  });

  it("scores 0 when the posting has no requirement", () => {
    expect(scoreProfile(profile, [], { today }).score).toBe(0);
  });
});
