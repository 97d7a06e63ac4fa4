import { describe, expect, it } from "vitest";
import { extractRequirements } from "./extract";
import { requirementSchema } from "./types";

const byCanonical = (text: string) => new Map(extractRequirements(text).map((r) => [r.canonical, r]));

describe("extractRequirements", () => {
  it("resolves aliases to the taxonomy's canonical names", () => {
    const found = byCanonical("Requirements:\n- k8s and Golang\n- C++17, C#, .NET\n- Postgres");
    for (const name of ["Kubernetes", "Go", "C++", "C#", ".NET", "PostgreSQL"])
      expect(found.has(name)).toBe(true);
    expect(found.get("Kubernetes")?.kind).toBe("tool");
    expect(found.get("Go")?.kind).toBe("skill");
  });

  it("never reads Go inside go-to-market", () => {
    const text =
      "You will own our go-to-market analytics.\nRequirements:\n- Go-to-market experience\n- Go to market fast";
    expect(extractRequirements(text).some((r) => r.canonical === "Go")).toBe(false);
  });

  it("gives each requirement the exact span it came from", () => {
    const text = "Requirements:\n- Strong k8s skills\n- 5+ years with Python\n";
    for (const requirement of extractRequirements(text)) {
      const quoted = text.slice(requirement.span.start, requirement.span.end);
      expect(quoted).toContain(requirement.kind === "tool" ? "k8s" : requirement.text);
    }
    const k8s = extractRequirements(text).find((r) => r.canonical === "Kubernetes");
    expect(text.slice(k8s?.span.start, k8s?.span.end)).toBe("k8s");
  });

  it.each([
    ["Nice to have:", "nice"],
    ["Bonus", "nice"],
    ["Preferred qualifications", "nice"],
    ["Wünschenswert:", "nice"],
    ["Se valorará:", "nice"],
    ["Serait un plus :", "nice"],
    ["Diferenciais:", "nice"],
    ["Requirements", "must"],
    ["MUST HAVE", "must"],
    ["Dein Profil:", "must"],
    ["Requisitos:", "must"],
  ])("weights items under %s as %s", (heading, weight) => {
    const [requirement] = extractRequirements(`${heading}\n- Kafka`);
    expect(requirement?.weight).toBe(weight);
  });

  it("takes the weight from phrasing, and nice wins over a must section", () => {
    const found = byCanonical(
      "Requirements:\n- Kafka is a plus\n- ideally Terraform\n- Rust (preferred)\n- Docker is required",
    );
    expect(found.get("Apache Kafka")?.weight).toBe("nice");
    expect(found.get("Terraform")?.weight).toBe("nice");
    expect(found.get("Docker")?.weight).toBe("must");
  });

  it("types years, degrees, languages, certifications and duties", () => {
    const text = [
      "What you'll do:",
      "- Mentor engineers and review code",
      "Requirements:",
      "- 5+ years of experience with Python",
      "- BSc in Computer Science or equivalent",
      "- Fluent German",
      "- CKA certification",
      "- Excellent communication skills",
      "Benefits:",
      "- 30 days of vacation and a Python course budget",
    ].join("\n");
    const requirements = extractRequirements(text);
    const kinds = requirements.map((r) => `${r.kind}:${r.canonical}`);
    expect(kinds).toContain("years:Python");
    expect(requirements.find((r) => r.kind === "years")?.minYears).toBe(5);
    expect(requirements.find((r) => r.kind === "degree")).toMatchObject({
      canonical: "bachelor",
      fields: ["computer-science"],
    });
    expect(kinds).toContain("language:German");
    expect(kinds).toContain("certification:CKA");
    expect(requirements.find((r) => r.kind === "responsibility")?.text).toBe(
      "Mentor engineers and review code",
    );
    expect(
      requirements.some(
        (r) => r.kind === "skill" && r.canonical === null && r.text.includes("communication"),
      ),
    ).toBe(true);
    // Benefits hold no requirement: "30 days" is no years requirement.
    expect(requirements.filter((r) => r.kind === "years")).toHaveLength(1);
  });

  it("reads a line that starts with a heading word as a requirement, not a heading", () => {
    const requirements = extractRequirements("Requirements:\n- Go\nBonus if you know Kafka\n- Docker");
    expect(requirements.find((r) => r.canonical === "Apache Kafka")?.weight).toBe("nice");
    // The section did not switch to "nice": Docker is still a must.
    expect(requirements.find((r) => r.canonical === "Docker")?.weight).toBe("must");
  });

  it("produces requirements the schema accepts, and the schema refuses malformed ones", () => {
    const requirements = extractRequirements(
      "Requirements:\n- 5+ years of Go\n- BSc in CS\n- Fluent English",
    );
    for (const requirement of requirements)
      expect(requirementSchema.safeParse(requirement).success).toBe(true);
    const [first] = requirements;
    expect(requirementSchema.safeParse({ ...first, kind: "vibe" }).success).toBe(false);
    expect(requirementSchema.safeParse({ ...first, span: { start: 9, end: 3 } }).success).toBe(false);
  });

  it("does not read a language without a proficiency cue", () => {
    expect(extractRequirements("We serve German customers.").some((r) => r.kind === "language")).toBe(false);
  });

  it("keeps one requirement per technology with the strongest weight and numbers ids in order", () => {
    const requirements = extractRequirements("Nice to have:\n- Go\nRequirements:\n- Golang");
    expect(requirements).toHaveLength(1);
    expect(requirements[0]).toMatchObject({ id: "r1", canonical: "Go", weight: "must" });
  });

  it("reads the whole posting: a requirement after 200,000 characters is found", () => {
    const text = `${"We are a friendly team. ".repeat(9000)}\nRequirements:\n- Rust services`;
    expect(text.length).toBeGreaterThan(200_000);
    expect(byCanonical(text).has("Rust")).toBe(true);
  });

  describe("hostile input (generous budgets; the bench prints the linear scaling)", () => {
    const budgetMs = 10_000;
    it.each([
      ["one 500,000-character line", "a".repeat(500_000)],
      ["repeated words", "years ".repeat(100_000)],
      ["repeated numbers and years", "5 5 5 5 years+ ".repeat(30_000)],
      ["a heading on every line", "Requirements:\n".repeat(50_000)],
      ["bullets of technologies", "- Go, k8s, Postgres\n".repeat(20_000)],
      ["dots and separators", ". ; . ; ".repeat(60_000)],
    ])("%s", (_name, text) => {
      const started = performance.now();
      const requirements = extractRequirements(`${text}\nRequirements:\n- Terraform`);
      expect(requirements.some((r) => r.canonical === "Terraform")).toBe(true);
      expect(performance.now() - started).toBeLessThan(budgetMs);
    });
  });
});
