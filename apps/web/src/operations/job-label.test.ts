import { describe, expect, it } from "vitest";
import { jobLabel } from "./job-label";

describe("jobLabel", () => {
  it("puts the domain first and the verb in words", () => {
    expect(jobLabel("documents.ingest")).toBe("Documents: ingest");
    expect(jobLabel("exports.render-profile")).toBe("Exports: render profile");
    expect(jobLabel("system.run-self-test")).toBe("System: run self test");
  });

  it("keeps a name without a verb as its domain", () => {
    expect(jobLabel("maintenance")).toBe("Maintenance");
  });
});
