import { describe, expect, it } from "vitest";
import { categoryLabel, groupSkills, orderedSkills } from "./skill-groups";

describe("groupSkills", () => {
  it("groups by category with readable labels, sorted, Other last, duplicates once", () => {
    const groups = groupSkills([
      { name: "Kubernetes", category: "devops" },
      { name: "TypeScript", category: "language" },
      { name: "Go", category: "language" },
      { name: "Juggling", category: "other" },
      { name: "Docker", category: "devops" },
      { name: "typescript", category: "language" },
      { name: "PostgreSQL", category: "database" },
    ]);
    expect(groups.map((group) => group.label)).toEqual(["Databases", "DevOps", "Languages", "Other"]);
    expect(groups.find((group) => group.label === "Languages")?.skills.map((skill) => skill.name)).toEqual([
      "Go",
      "TypeScript",
    ]);
    expect(groups.find((group) => group.label === "DevOps")?.skills.map((skill) => skill.name)).toEqual([
      "Docker",
      "Kubernetes",
    ]);
  });

  it("is empty for no skills", () => {
    expect(groupSkills([])).toEqual([]);
  });
});

describe("categoryLabel", () => {
  it("title-cases unknown categories and names blank ones Other", () => {
    expect(categoryLabel("message_queue")).toBe("Message queue");
    expect(categoryLabel("")).toBe("Other");
  });
});

describe("orderedSkills", () => {
  it("keeps the given order (a tailored version's) and shows each canonical name once", () => {
    const skills = orderedSkills([
      { name: "Snowflake", category: "database" },
      { name: "Python", category: "language" },
      { name: "Airflow", category: "tool" },
      { name: "python", category: "language" },
      { name: "Docker", category: "devops" },
    ]);
    expect(skills.map((skill) => skill.name)).toEqual(["Snowflake", "Python", "Airflow", "Docker"]);
  });
});
