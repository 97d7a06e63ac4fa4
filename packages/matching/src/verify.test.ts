import { describe, expect, it } from "vitest";
import type { Change } from "./changes";
import { testProfile } from "./test-fixtures";
import { verifyChanges } from "./verify";

const profile = testProfile();
const bullets = profile.experiences[0]?.bullets ?? [];
const replaceBullet = (index: number, value: string, id = "c1"): Change => ({
  id,
  path: `experiences/e1/bullets/${index}`,
  action: "replace",
  original: bullets[index] ?? null,
  value,
  reason: "test",
  requirementIds: [],
});
const verdict = (change: Change, source = profile) => {
  const { accepted, rejected } = verifyChanges(source, [change]);
  return accepted.length === 1 ? "accepted" : `${rejected[0]?.code} ${rejected[0]?.detail}`;
};

describe("verifyChanges", () => {
  it.each([
    [1, "Built Go payment services running on Kubernetes"],
    [2, "Reduced p99 latency by 40% through a redesign of PostgreSQL indexes"],
    [4, "Migrated 30k customer records"],
    [4, "Migrated thirty thousand customer records"],
    [1, "Built Go payment services at scale on Kubernetes"],
  ])("accepts an honest rephrasing: %s", (index, value) => {
    expect(verdict(replaceBullet(index, value))).toBe("accepted");
  });

  it.each([
    [1, "Built payment services in Go running on Kubernetes and Kafka", "new-skill Apache Kafka"],
    [1, "Built payment services in golang on k8s with terraform", "new-skill Terraform"],
    [2, "Cut p99 latency by 45% by redesigning PostgreSQL indexes", "new-number 45%"],
    [2, "Cut p99 latency by 40 by redesigning PostgreSQL indexes", "new-number 40"],
    [2, "Cut p99 latency by 0.4 by redesigning PostgreSQL indexes", "new-number 0.4"],
    [4, "Migrated thirty-five thousand customer records", "new-number 35000"],
    [4, "Migrated 30,000 customer records in 2016", "new-number 2016"],
    [1, "Built payment services in Go at stripe", "new-name stripe"],
    [1, "Built payment services in Go for Google", "new-name Google"],
    [1, "As Principal engineer built payment services in Go", "new-title Principal"],
    [1, "Built payment services in Go running on Kubernetes for Acme Corp", "new-name Acme"],
    [1, "Built payment services in Go running on Kubernetes and doubled throughput", "new-number 2x"],
    [4, "Migrated millions of customer records", "new-number millions"],
    [1, "Boeing payment services in Go running on Kubernetes", "new-name Boeing"],
    [1, "Siemens payment services in Go running on Kubernetes", "new-name Siemens"],
  ])("rejects a fabrication: %s", (index, value, expected) => {
    expect(verdict(replaceBullet(index, value))).toBe(expected);
  });

  it("accepts a skill the user attested, and only then", () => {
    const change = replaceBullet(1, "Built payment services in Go and Rust running on Kubernetes");
    expect(verdict(change)).toBe("new-skill Rust");
    expect(verdict(change, testProfile({ attestations: [{ id: "a1", skill: "Rust" }] }))).toBe("accepted");
  });

  it("rejects unknown paths, stale originals and empty texts", () => {
    expect(verdict({ ...replaceBullet(1, "x"), path: "experiences/nope/bullets/0" })).toBe(
      "unknown-path experiences/nope/bullets/0",
    );
    expect(verdict({ ...replaceBullet(1, "x"), path: "experiences/e1/bullets/99" })).toMatch(/^unknown-path/);
    expect(
      verdict({ ...replaceBullet(1, "Built it"), original: "Built payment services in Go and Kafka" }),
    ).toMatch(/^stale-original/);
    expect(verdict(replaceBullet(1, "   "))).toMatch(/^loses-content/);
  });

  it("never lets a section, a skill or a project go", () => {
    const base = { id: "c1", reason: "", requirementIds: [], value: null };
    expect(verdict({ ...base, path: "skills", action: "remove", original: ["s1", "s2", "s3"] })).toMatch(
      /^(loses-content|stale)/,
    );
    expect(
      verdict({
        ...base,
        path: "skills",
        action: "reorder",
        original: ["s1", "s2", "s3"],
        value: ["s2", "s1"],
      }),
    ).toMatch(/^loses-content/);
    expect(
      verdict({
        ...base,
        path: "sections",
        action: "reorder",
        original: ["summary", "skills"],
        value: ["skills", "summary"],
      }),
    ).toMatch(/^loses-content/);
    expect(
      verdict({
        ...base,
        path: "sections",
        action: "reorder",
        original: ["summary", "experiences", "projects", "skills", "education"],
        value: ["summary", "experiences", "skills", "education"],
      }),
    ).toMatch(/^loses-content/);
  });

  it("accepts a permutation and a bullet removal", () => {
    const ids = ["s1", "s2", "s3"];
    expect(
      verdict({
        id: "c",
        path: "skills",
        action: "reorder",
        original: ids,
        value: ["s3", "s1", "s2"],
        reason: "",
        requirementIds: [],
      }),
    ).toBe("accepted");
    expect(verdict({ ...replaceBullet(0, ""), action: "remove", value: null })).toBe("accepted");
  });

  it("checks a word with a 200,000-character inner run of dashes in linear time", () => {
    const started = performance.now();
    expect(verdict(replaceBullet(1, `Built x${"-".repeat(200_000)}y for Initech`))).toMatch(/^new-name/);
    // Generous budget: the quadratic trim took minutes on this input.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("checks a hostile 100,000-character value with bounded work", () => {
    const value = `${"Built payment services in Go ".repeat(3_500)} for Initech`;
    expect(verdict(replaceBullet(1, value))).toBe("new-name Initech");
  });
});
