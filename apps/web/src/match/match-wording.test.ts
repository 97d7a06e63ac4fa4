import { describe, expect, it } from "vitest";
import {
  breakdownText,
  evidenceLines,
  matchFactLabels,
  matchRows,
  pointsText,
  postingName,
  requirementDescription,
} from "./match-wording";
import type { MatchScore, Requirement } from "./types";

const requirement = (
  id: string,
  weight: "must" | "nice",
  kind: Requirement["kind"] = "tool",
): Requirement => ({
  id,
  kind,
  weight,
  text: id,
  canonical: null,
  span: { start: 0, end: 1 },
});

const empty = { points: 0, earned: 0, met: 0, partial: 0, missing: 0 };

function scoreOf(verdicts: Array<[string, "met" | "partial" | "missing"]>): MatchScore {
  return {
    score: 50,
    scorerVersion: "match-1",
    breakdown: { must: empty, nice: empty },
    requirements: verdicts.map(([requirementId, status]) => ({
      requirementId,
      status,
      evidence: [],
      points: 3,
      earned: 0,
    })),
    missing: [],
  };
}

describe("matchRows", () => {
  it("puts missing musts first, then the rest of the musts, then nice-to-haves; posting order breaks ties", () => {
    const requirements = [
      requirement("nice-missing", "nice"),
      requirement("must-met", "must"),
      requirement("must-missing-1", "must"),
      requirement("must-partial", "must"),
      requirement("nice-met", "nice"),
      requirement("must-missing-2", "must"),
    ];
    const score = scoreOf([
      ["nice-missing", "missing"],
      ["must-met", "met"],
      ["must-missing-1", "missing"],
      ["must-partial", "partial"],
      ["nice-met", "met"],
      ["must-missing-2", "missing"],
    ]);
    expect(matchRows(requirements, score).map((row) => row.requirement.id)).toEqual([
      "must-missing-1",
      "must-missing-2",
      "must-partial",
      "must-met",
      "nice-missing",
      "nice-met",
    ]);
  });

  it("leaves out requirements the score does not name", () => {
    const rows = matchRows([requirement("a", "must"), requirement("b", "must")], scoreOf([["b", "met"]]));
    expect(rows.map((row) => row.requirement.id)).toEqual(["b"]);
  });
});

describe("wording", () => {
  it("names a posting by title and company, with fallbacks", () => {
    expect(postingName({ title: "Data Engineer", company: "Acme" })).toBe("Data Engineer at Acme");
    expect(postingName({ title: "Data Engineer", company: null })).toBe("Data Engineer");
    expect(postingName({ title: null, company: "Acme" })).toBe("Posting at Acme");
    expect(postingName({ title: null, company: null })).toBe("Untitled posting");
  });

  it("describes a requirement by weight, kind and canonical technology", () => {
    expect(requirementDescription({ ...requirement("r1", "must"), canonical: "Kubernetes" })).toBe(
      "Must have · Tool · Kubernetes",
    );
    expect(requirementDescription({ ...requirement("Own the roadmap", "nice", "responsibility") })).toBe(
      "Nice to have · Duty · Own the roadmap",
    );
  });

  it("writes points with halves and a singular", () => {
    expect(pointsText(1.5, 3)).toBe("1.5 of 3 points");
    expect(pointsText(0, 1)).toBe("0 of 1 point");
  });

  it("summarises a weight's verdicts", () => {
    expect(breakdownText({ met: 3, partial: 1, missing: 1 })).toBe("3 of 5 met, 1 partly met, 1 missing");
    expect(breakdownText({ met: 2, partial: 0, missing: 0 })).toBe("2 of 2 met");
    expect(breakdownText({ met: 0, partial: 0, missing: 0 })).toBe("None in this posting");
  });
});

describe("evidenceLines", () => {
  it("groups facts by the words that matched, each fact once, named by label and never by id", () => {
    const labels = new Map([
      ["e1", "Senior Data Engineer at Brightline Health"],
      ["s1", "Skills"],
    ]);
    const lines = evidenceLines(
      [
        { factId: "e1", text: "Python" },
        { factId: "s1", text: "Python" },
        { factId: "e1", text: "Python" },
        { factId: "gone", text: "Py" },
      ],
      labels,
    );
    expect(lines).toEqual([
      {
        matched: "Python",
        sources: [
          { factId: "e1", label: "Senior Data Engineer at Brightline Health" },
          { factId: "s1", label: "Skills" },
        ],
      },
      { matched: "Py", sources: [{ factId: "gone", label: "the profile" }] },
    ]);
  });
});

describe("matchFactLabels", () => {
  it("names skills by the skills list and other facts as Ask does", () => {
    const labels = matchFactLabels({
      id: "p1",
      experiences: [{ id: "e1", title: "Data Engineer", company: "Orbital Retail" }],
      education: [],
      projects: [],
      skills: [{ id: "s1", name: "Python" }],
    });
    expect(labels.get("s1")).toBe("Skills");
    expect(labels.get("e1")).toBe("Data Engineer at Orbital Retail");
    expect(labels.get("p1:summary")).toBe("Summary");
  });
});
