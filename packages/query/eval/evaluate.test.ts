import { describe, expect, it } from "vitest";
import { runEvaluation } from "./evaluate";
import { loadEvalSet, loadUnseenProfiles, loadUnseenSet, loadUnseenSplit, splitOf } from "./fixtures";
import { missedFloors } from "./floors";

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

describe("unseen evaluation set (issue 10)", () => {
  it("has at least 200 questions over at least 6 profiles it knows", () => {
    const set = loadUnseenSet();
    const profiles = new Set(loadUnseenProfiles().map((profile) => profile.id));
    expect(set.cases.length).toBeGreaterThanOrEqual(200);
    expect(profiles.size).toBeGreaterThanOrEqual(6);
    expect(new Set(set.cases.map((item) => item.id)).size).toBe(set.cases.length);
    for (const item of set.cases) expect(profiles.has(item.profile)).toBe(true);
  });

  it("splits by a fixed seed into disjoint dev and test halves", () => {
    const set = loadUnseenSet();
    const dev = loadUnseenSplit("dev").cases.map((item) => item.id);
    const test = loadUnseenSplit("test").cases.map((item) => item.id);
    expect(dev.length + test.length).toBe(set.cases.length);
    expect(dev.filter((id) => test.includes(id))).toEqual([]);
    expect(Math.min(dev.length, test.length)).toBeGreaterThan(set.cases.length / 3);
    // Pinned: the split is a pure function of seed and id, so a changed hash or seed shows up here.
    expect(["jonas-01", "jonas-02", "roleplay-01"].map((id) => splitOf("issue-10", id))).toEqual([
      "test",
      "dev",
      "dev",
    ]);
    expect(set.seed).toBe("issue-10");
  });

  it("runs the test split end to end", async () => {
    const report = await runEvaluation({
      set: loadUnseenSplit("test"),
      profiles: loadUnseenProfiles(),
      datesOnlyWhenLabelled: true,
    });
    expect(report.cases).toBe(loadUnseenSplit("test").cases.length);
    expect(report.readableAnswers.total).toBeGreaterThan(0);
    expect(report.guardrail.resumeBulletsFlagged.total).toBeGreaterThan(0);
    expect(missedFloors(report)).toEqual([]);
  });

  it("keeps cases written after the test figures were read out of the test split", () => {
    const devOnly = loadUnseenSet().cases.filter((item) => item.split === "dev");
    expect(devOnly.length).toBeGreaterThan(0);
    const test = new Set(loadUnseenSplit("test").cases.map((item) => item.id));
    expect(devOnly.filter((item) => test.has(item.id))).toEqual([]);
  });
});
