import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";

describe("labelled evaluation", () => {
  const report = evaluate();

  it("lets no fabrication through the verifier and rejects no honest rephrasing", () => {
    expect(report.fabrications).toBeGreaterThanOrEqual(10);
    expect(report.fabricationsPassing).toEqual([]);
    expect(report.honestRejected).toEqual([]);
  });

  it("meets the goals on the held-out test split", () => {
    expect(report.test.pairs + report.dev.pairs).toBeGreaterThanOrEqual(20);
    expect(report.test.precision).toBeGreaterThanOrEqual(0.9);
    expect(report.test.recall).toBeGreaterThanOrEqual(0.9);
    expect(report.test.statusAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});
