import { describe, expect, it } from "vitest";
import { extractRequirements } from "./extract";
import { proposeChanges } from "./tailor";
import { testProfile } from "./test-fixtures";
import { verifyChanges } from "./verify";

const requirements = extractRequirements(
  "Requirements:\n- Go and Kubernetes\n- PostgreSQL\nNice to have:\n- Python\nWhat you'll do:\n- Build payment services",
);

describe("proposeChanges", () => {
  const profile = testProfile();
  const changes = proposeChanges(profile, requirements);

  it("moves relevant bullets, skills and projects first", () => {
    const bullets = changes.find((change) => change.path === "experiences/e1/bullets");
    expect(bullets?.action).toBe("reorder");
    expect((bullets?.value as string[] | undefined)?.[0]).toBe(
      "Built payment services in Go running on Kubernetes",
    );
    expect(changes.find((change) => change.path === "projects")?.value).toEqual(["pr2", "pr1"]);
    expect(changes.find((change) => change.path === "skills")?.value).toEqual(["s2", "s3", "s1"]);
    expect(bullets?.requirementIds.length).toBeGreaterThan(0);
  });

  it("shortens only irrelevant bullets beyond the kept ones, never a section", () => {
    const removals = changes.filter((change) => change.action === "remove");
    expect(removals.map((change) => change.original)).toEqual([
      "Ran the summer party",
      "Migrated 30,000 customer records",
    ]);
    expect(removals.every((change) => /^experiences\/e1\/bullets\/\d+$/.test(change.path))).toBe(true);
    expect(proposeChanges(profile, requirements, { shorten: false }).some((c) => c.action === "remove")).toBe(
      false,
    );
  });

  it("proposes nothing the verifier rejects, and is deterministic", () => {
    expect(verifyChanges(profile, changes).rejected).toEqual([]);
    expect(proposeChanges(profile, requirements)).toEqual(changes);
  });

  it("proposes nothing for a posting without requirements or an empty profile", () => {
    expect(proposeChanges(profile, [])).toEqual([]);
    const empty = testProfile({ experiences: [], projects: [], skills: [], education: [], summary: null });
    expect(proposeChanges(empty, requirements).filter((change) => change.path !== "sections")).toEqual([]);
  });
});
