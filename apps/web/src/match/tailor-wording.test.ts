import { describe, expect, it } from "vitest";
import {
  changeTarget,
  changeValueLines,
  deltaText,
  isProposing,
  rejectionText,
  tailoringModeText,
} from "./tailor-wording";

const profile = {
  experiences: [{ id: "e1", title: "Data Engineer", company: "Acme" }],
  projects: [{ id: "p1", name: "Pipeline kit" }],
  skills: [
    { id: "s1", name: "Python" },
    { id: "s2", name: "SQL" },
  ],
} as unknown as Parameters<typeof changeTarget>[1];

describe("tailor wording", () => {
  it("says why a change was rejected in words, naming what it would have introduced", () => {
    expect(rejectionText({ code: "new-skill", reason: "Kubernetes" })).toBe(
      "It would claim the skill “Kubernetes”, which the profile never mentions.",
    );
    expect(rejectionText({ code: "new-number", reason: "45%" })).toContain("“45%”");
    expect(rejectionText({ code: "loses-content", reason: "skills" })).toBe(
      "It would drop something from the profile.",
    );
  });

  it("names where a change applies without ids", () => {
    expect(changeTarget({ path: "skills" }, profile)).toBe("Skill order");
    expect(changeTarget({ path: "experiences/e1/bullets" }, profile)).toBe(
      "Bullet order in Data Engineer at Acme",
    );
    expect(changeTarget({ path: "experiences/e1/bullets/2" }, profile)).toBe(
      "A bullet in Data Engineer at Acme",
    );
    expect(changeTarget({ path: "experiences/gone/bullets/0" }, profile)).toBe("A bullet in a role");
    expect(changeTarget({ path: "projects/p1/description" }, profile)).toBe("Description of Pipeline kit");
  });

  it("shows skill and project ids as names and sections as labels, dropping unknown ids", () => {
    expect(changeValueLines("skills", ["s2", "s1", "gone"], profile)).toEqual(["SQL", "Python"]);
    expect(changeValueLines("sections", ["skills", "experiences"], profile)).toEqual([
      "Skills",
      "Experience",
    ]);
    expect(changeValueLines("experiences/e1/bullets/0", "Built it", profile)).toEqual(["Built it"]);
    expect(changeValueLines("experiences/e1/bullets/0", null, profile)).toEqual([]);
  });

  it("puts score deltas in words with a sign", () => {
    expect(deltaText(4)).toBe("+4 points");
    expect(deltaText(-1)).toBe("−1 point");
    expect(deltaText(0.5)).toBe("+0.5 points");
    expect(deltaText(0)).toBe("No change to the score");
  });

  it("treats an unknown, queued or running tailoring as still proposing", () => {
    expect(isProposing(undefined)).toBe(true);
    expect(isProposing("running")).toBe(true);
    expect(isProposing("ready")).toBe(false);
    expect(isProposing("failed")).toBe(false);
  });
});

describe("tailoringModeText", () => {
  it("says how the changes were made and why the LLM was not used", () => {
    expect(tailoringModeText({ mode: "llm", fallback: null })).toContain("rephrasings");
    expect(tailoringModeText({ mode: "deterministic", fallback: "llm-error" })).toMatch(
      /^The LLM could not be used/,
    );
    expect(tailoringModeText({ mode: "deterministic", fallback: "llm-limit" })).toContain(
      "allowance is used up",
    );
    expect(tailoringModeText({ mode: "deterministic", fallback: null })).toBe(
      "These changes only reorder and trim what the profile already says.",
    );
  });
});
