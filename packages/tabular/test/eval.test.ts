import { describe, expect, it } from "vitest";
import { evaluateSplit, headerSets } from "../eval/evaluate";

describe("mapping evaluation", () => {
  it("has at least 30 labelled header sets in five languages, split before tuning", () => {
    expect(headerSets.length).toBeGreaterThanOrEqual(30);
    expect(new Set(headerSets.map((set) => set.language))).toEqual(new Set(["en", "es", "de", "fr", "pt"]));
    expect(headerSets.filter((set) => set.split === "test").length).toBeGreaterThanOrEqual(15);
  });

  it("keeps top-1 accuracy on the test split at the 95% goal, abstentions counted", () => {
    const outcomes = evaluateSplit("test");
    const accuracy = outcomes.filter((outcome) => outcome.isCorrect).length / outcomes.length;
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
