import { describe, expect, it } from "vitest";
import { extractEntities } from "./entities";
import type { AskProfile } from "./types";

const profile: AskProfile = {
  id: "p-giulia",
  name: "Giulia Conti",
  headline: null,
  summary: null,
  contact: { email: null, phone: null, location: null, links: [] },
  experiences: [
    {
      id: "g-exp-1",
      company: "Stone Payments",
      title: "Designer",
      start: "2020-01",
      end: "present",
      location: null,
      bullets: [],
      technologies: [],
    },
  ],
  education: [
    {
      id: "g-edu-1",
      school: "Istituto Europeo di Design",
      degree: "Master",
      field: null,
      start: null,
      end: null,
    },
  ],
  projects: [],
  skills: [],
};

describe("entity names and field words (issue 10)", () => {
  it("does not read a field word as the school or company that contains it", () => {
    expect(extractEntities("Which design tools does she use?", profile)).toEqual([]);
    expect(extractEntities("Has she worked in payments?", profile)).toEqual([]);
  });

  it("still finds the distinctive part of a name", () => {
    const names = extractEntities("What did she do at Stone?", profile).map((entity) => entity.name);
    expect(names).toEqual(["Stone Payments"]);
  });
});
