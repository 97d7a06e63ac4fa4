import { describe, expect, it } from "vitest";
import { applyChanges } from "./apply";
import type { Change } from "./changes";
import { extractRequirements } from "./extract";
import { proposeChanges } from "./tailor";
import { testProfile } from "./test-fixtures";
import type { MatchProfile } from "./types";

const today = new Date("2026-12-15T00:00:00Z");
const requirements = extractRequirements(
  "Requirements:\n- Go and Kubernetes\n- PostgreSQL\n- Rust\nNice to have:\n- Vue.js",
);

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe("applyChanges", () => {
  it("returns a new profile and leaves the original untouched", () => {
    const profile = deepFreeze(testProfile());
    const snapshot = JSON.stringify(profile);
    const changes = proposeChanges(profile, requirements);
    const result = applyChanges(profile, changes, { requirements, today });
    expect(JSON.stringify(profile)).toBe(snapshot);
    expect(result.profile).not.toBe(profile);
    expect(result.rejected).toEqual([]);
    expect(result.profile.experiences[0]?.bullets[0]).toBe(
      "Built payment services in Go running on Kubernetes",
    );
    expect(result.profile.experiences[0]?.bullets).not.toContain("Ran the summer party");
    expect(result.profile.skills.map((skill) => skill.id)).toEqual(["s2", "s3", "s1"]);
    expect(result.profile.projects.map((project) => project.id)).toEqual(["pr2", "pr1"]);
  });

  it("keeps every section and every item a reorder touched", () => {
    const profile = testProfile();
    const result = applyChanges(profile, proposeChanges(profile, requirements), { requirements, today });
    expect([...result.sectionOrder].sort()).toEqual([
      "education",
      "experiences",
      "projects",
      "skills",
      "summary",
    ]);
    expect(result.profile.skills).toHaveLength(profile.skills.length);
    expect(result.profile.projects).toHaveLength(profile.projects.length);
    expect(result.profile.education).toEqual(profile.education);
  });

  it("reports each change's score delta and the scores before and after", () => {
    const profile = testProfile();
    const goBullet = profile.experiences[0]?.bullets[1] ?? "";
    const removeGo: Change = {
      id: "x1",
      path: "experiences/e2/bullets/0",
      action: "remove",
      original: "Developed REST APIs in Python",
      value: null,
      reason: "",
      requirementIds: [],
    };
    const rephrase: Change = {
      id: "x2",
      path: "experiences/e1/bullets/1",
      action: "replace",
      original: goBullet,
      value: "Built Go payment services running on Kubernetes",
      reason: "",
      requirementIds: [],
    };
    const result = applyChanges(profile, [removeGo, rephrase], { requirements, today });
    expect(result.changes.map((change) => [change.id, change.scoreDelta])).toEqual([
      ["x1", 0],
      ["x2", 0],
    ]);
    expect(result.scoreAfter).toBe(result.scoreBefore);
    expect(result.profile.experiences[1]?.bullets).toEqual([]);
    expect(result.profile.experiences[0]?.bullets[1]).toBe("Built Go payment services running on Kubernetes");
  });

  it("applies an attested skill's change and scores the gain; rejects it without the attestation", () => {
    const base = testProfile();
    const change: Change = {
      id: "x",
      path: "summary",
      action: "replace",
      original: base.summary,
      value: "Backend engineer building payment systems in Rust. Fluent in English.",
      reason: "",
      requirementIds: [],
    };
    const refused = applyChanges(base, [change], { requirements, today });
    expect(refused.rejected.map((item) => item.code)).toEqual(["new-skill"]);
    expect(refused.profile.summary).toBe(base.summary);
    const attested: MatchProfile = { ...base, attestations: [{ id: "a1", skill: "Rust" }] };
    const applied = applyChanges(attested, [change], { requirements, today });
    expect(applied.rejected).toEqual([]);
    expect(applied.profile.summary).toContain("Rust");
  });

  it("refuses a removal that would drop something other than a bullet", () => {
    const profile = testProfile();
    const result = applyChanges(
      profile,
      [
        {
          id: "x",
          path: "projects",
          action: "remove",
          original: ["pr1", "pr2"],
          value: null,
          reason: "",
          requirementIds: [],
        },
      ],
      { requirements, today },
    );
    expect(result.rejected[0]?.code).toBe("loses-content");
    expect(result.profile.projects).toHaveLength(2);
  });
});
