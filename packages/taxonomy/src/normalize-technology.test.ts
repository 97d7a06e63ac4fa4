import { describe, expect, it } from "vitest";
import {
  allTechnologies,
  normalizeTechnology,
  technologiesInFamily,
  technologyCategories,
  technologyFamilies,
} from "./index";
import { definitions, spellingsOf } from "./registry";

describe("the taxonomy data", () => {
  it("has at least 300 technologies with unique canonical names", () => {
    expect(allTechnologies.length).toBeGreaterThanOrEqual(300);
    const names = allTechnologies.map((technology) => technology.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("uses only known categories and families, and every category has entries", () => {
    for (const technology of allTechnologies) {
      expect(technologyCategories).toContain(technology.category);
      for (const family of technology.families) expect(technologyFamilies).toContain(family);
    }
    for (const category of technologyCategories) {
      expect(allTechnologies.some((technology) => technology.category === category)).toBe(true);
    }
  });

  it("resolves every spelling of every entry to that entry (no spelling is shadowed by another entry)", () => {
    const shadowed: string[] = [];
    for (const definition of definitions) {
      for (const spelling of spellingsOf(definition)) {
        const found = normalizeTechnology(spelling);
        if (found?.name !== definition.name)
          shadowed.push(`${spelling} → ${found?.name ?? "null"} (want ${definition.name})`);
      }
    }
    expect(shadowed).toEqual([]);
  });

  it("returns frozen records, so a caller cannot corrupt the shared taxonomy", () => {
    const technology = normalizeTechnology("k8s");
    expect(Object.isFrozen(technology)).toBe(true);
    expect(Object.isFrozen(allTechnologies)).toBe(true);
  });
});

describe("normalizeTechnology", () => {
  it.each([
    ["k8s", "Kubernetes", "devops"],
    ["K8S", "Kubernetes", "devops"],
    ["JS", "JavaScript", "language"],
    ["js", "JavaScript", "language"],
    ["ES6", "JavaScript", "language"],
    ["TS", "TypeScript", "language"],
    ["postgres", "PostgreSQL", "database"],
    ["psql", "PostgreSQL", "database"],
    ["Postgres 15", "PostgreSQL", "database"],
    ["golang", "Go", "language"],
    ["Go", "Go", "language"],
    ["node", "Node.js", "runtime"],
    ["nodejs", "Node.js", "runtime"],
    ["Node JS", "Node.js", "runtime"],
    ["react.js", "React", "framework"],
    ["ReactJS", "React", "framework"],
    ["React 18", "React", "framework"],
    ["C#", "C#", "language"],
    ["csharp", "C#", "language"],
    ["C++", "C++", "language"],
    ["cpp", "C++", "language"],
    ["C", "C", "language"],
    [".NET", ".NET", "framework"],
    ["dotnet", ".NET", "framework"],
    [".NET Core", ".NET", "framework"],
    ["ASP.NET Core", "ASP.NET", "framework"],
    ["Python 3.11", "Python", "language"],
    ["python3", "Python", "language"],
    ["Java programming", "Java", "language"],
    ["Java 17", "Java", "language"],
    ["Angular 2+", "Angular", "framework"],
    ["vue 3.x", "Vue.js", "framework"],
    ["MS SQL", "SQL Server", "database"],
    ["Oracle", "Oracle Database", "database"],
    ["Amazon Web Services", "AWS", "cloud"],
    ["GCP", "Google Cloud", "cloud"],
    ["PL/SQL", "PL/SQL", "language"],
    ["plsql", "PL/SQL", "language"],
    ["CI/CD", "CI/CD", "devops"],
    ["sklearn", "scikit-learn", "data-ml"],
    ["Spring Boot", "Spring Boot", "framework"],
    ["RoR", "Ruby on Rails", "framework"],
    ["Kubernetes (CKA)", "Kubernetes", "devops"],
    ["• Docker,", "Docker", "devops"],
    ["objective c", "Objective-C", "language"],
    ["GitHub Actions", "GitHub Actions", "devops"],
    ["RESTful APIs", "REST", "protocol"],
  ])("%s → %s", (raw, name, category) => {
    expect(normalizeTechnology(raw)).toMatchObject({ name, category });
  });

  it.each([
    "",
    "   ",
    "communication",
    "leadership",
    "Microsoft",
    "stakeholder management",
    "x".repeat(200),
    "Javascripts",
    "Go-getter",
  ])("returns null for %j", (raw) => {
    expect(normalizeTechnology(raw)).toBeNull();
  });

  it("keeps C, C++ and C# apart, and Java apart from JavaScript", () => {
    const names = ["C", "C++", "C#", "Java", "JavaScript"].map((raw) => normalizeTechnology(raw)?.name);
    expect(names).toEqual(["C", "C++", "C#", "Java", "JavaScript"]);
  });
});

describe("technologiesInFamily", () => {
  it("lists the SQL databases and dialects", () => {
    const sql = technologiesInFamily("sql").map((technology) => technology.name);
    for (const name of [
      "PostgreSQL",
      "MySQL",
      "SQL Server",
      "SQLite",
      "Oracle Database",
      "MariaDB",
      "SQL",
      "T-SQL",
    ]) {
      expect(sql).toContain(name);
    }
    for (const name of ["MongoDB", "Redis", "Cassandra", "Python", "Prisma"]) expect(sql).not.toContain(name);
  });

  it("separates NoSQL stores and JVM languages", () => {
    const nosql = technologiesInFamily("nosql").map((technology) => technology.name);
    expect(nosql).toEqual(expect.arrayContaining(["MongoDB", "Redis", "Cassandra", "DynamoDB"]));
    expect(nosql).not.toContain("PostgreSQL");
    expect(technologiesInFamily("jvm").map((technology) => technology.name)).toEqual(
      expect.arrayContaining(["Java", "Kotlin", "Scala", "Spring Boot"]),
    );
  });

  it("returns nothing for an unknown family", () => {
    expect(technologiesInFamily("cobol-mainframes")).toEqual([]);
  });
});
