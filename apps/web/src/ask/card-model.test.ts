import { describe, expect, it } from "vitest";
import { cardView } from "./card-model";

describe("cardView", () => {
  it("shows an experience as title at company with its span and technologies", () => {
    const view = cardView({
      type: "experience",
      factId: "e1",
      company: "Brightline Health",
      title: "Senior Data Engineer",
      start: "2021-07",
      end: "present",
      technologies: ["Airflow", "dbt"],
    });
    expect(view).toMatchObject({
      kindLabel: "Experience",
      title: "Senior Data Engineer",
      subtitle: "Brightline Health",
      period: "Jul 2021 – Present",
      chips: ["Airflow", "dbt"],
      factId: "e1",
      href: null,
    });
  });

  it("links a project only through a safe http(s) URL", () => {
    const base = {
      type: "project" as const,
      factId: "p1",
      name: "Lakehouse",
      description: null,
      technologies: [] as string[],
    };
    expect(cardView({ ...base, url: "github.com/m/lake" }).href).toBe("https://github.com/m/lake");
    expect(cardView({ ...base, url: "javascript:alert(1)" }).href).toBeNull();
    expect(cardView({ ...base, url: null }).subtitle).toBeNull();
  });

  it("shows education with degree and field, and years when only years are known", () => {
    const view = cardView({
      type: "education",
      factId: "ed1",
      school: "University of Illinois Urbana-Champaign",
      degree: "B.S.",
      field: "Statistics",
      start: "2013-01",
      end: "2017-01",
    });
    expect(view).toMatchObject({
      kindLabel: "Education",
      subtitle: "B.S., Statistics",
      period: "2013 – 2017",
    });
    expect(
      cardView({
        type: "education",
        factId: "x",
        school: "S",
        degree: null,
        field: "",
        start: null,
        end: null,
      }),
    ).toMatchObject({ subtitle: null, period: null });
  });

  it("shows a skill group under its readable category, each skill once, linked to its first fact", () => {
    const view = cardView({
      type: "skill-group",
      category: "database",
      skills: ["Snowflake", "BigQuery", "Snowflake"],
      factIds: ["k1", "k2"],
    });
    expect(view).toMatchObject({
      kindLabel: "Skills",
      title: "Databases",
      chips: ["Snowflake", "BigQuery"],
      factId: "k1",
    });
    expect(cardView({ type: "skill-group", category: "x", skills: [], factIds: [] }).factId).toBeNull();
  });
});
