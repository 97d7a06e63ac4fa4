import { describe, expect, it } from "vitest";
import { runEvaluation } from "./evaluate";
import { loadEvalSet } from "./fixtures";

describe("query evaluation", () => {
  it("has the size the issue asks for", () => {
    const set = loadEvalSet();
    expect(set.cases.length).toBeGreaterThanOrEqual(150);
    expect(new Set(set.cases.map((item) => item.profile)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(set.cases.map((item) => item.id)).size).toBe(set.cases.length);
  });

  it("runs end to end and reports every metric", async () => {
    const report = await runEvaluation();
    expect(report.cases).toBe(loadEvalSet().cases.length);
    expect(report.intentAccuracy.total).toBeGreaterThan(0);
    expect(report.answerContainsFacts.total).toBeGreaterThan(0);
    expect(Number.isFinite(report.technologyF1.f1)).toBe(true);
    // Not a tuned threshold: a guardrail that catches nothing on the injection set is broken.
    expect(report.guardrail.recallBySubset["injection (all)"]?.hits).toBeGreaterThan(0);
  });
});
