import { describe, expect, it } from "vitest";
import { evaluateLlmPath } from "./llm-path";

describe("adversarial LLM outputs through proposeRephrasings", () => {
  it("turns every output into a proposal and lets no fabrication through the verifier", async () => {
    const report = await evaluateLlmPath();
    expect(report.sent).toBeGreaterThanOrEqual(10);
    expect(report.proposed).toBe(report.sent);
    expect(report.passing).toEqual([]);
    expect(report.honestRejected).toEqual([]);
  });
});
