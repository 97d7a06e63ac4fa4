import { describe, expect, it } from "vitest";
import { ask } from "./ask";
import { createInMemoryFactSearch } from "./testing";
import { type AskProfile, emptySession } from "./types";

const profile: AskProfile = {
  id: "p-helga",
  name: "Helga Braun",
  headline: "Backend Developer",
  summary: null,
  contact: { email: null, phone: null, location: null, links: [] },
  experiences: [
    {
      id: "h-exp-1",
      company: "Nordlicht Software GmbH",
      title: "Backend Developer",
      start: "2020-01",
      end: "present",
      location: null,
      bullets: ["Built the billing service"],
      technologies: ["Go"],
    },
  ],
  education: [],
  projects: [],
  skills: [],
  languages: [
    { name: "Deutsch", level: "Muttersprache" },
    { name: "English", level: "fluent" },
  ],
  certifications: ["Certified Kubernetes Administrator (CKA)"],
  awards: ["Employee of the Year 2022"],
  publications: [],
  volunteering: ["Mentor at Django Girls Berlin"],
};

async function answer(question: string) {
  return ask(
    { question, profile, session: emptySession(), now: new Date("2026-12-01") },
    { searchFacts: createInMemoryFactSearch([profile]) },
  );
}

describe("spoken languages and list sections as profile fields (issue 10)", () => {
  it("answers which languages she speaks from the parsed section, citing it with a span", async () => {
    const result = await answer("Which languages does Helga speak?");
    expect(result.answer).toContain("Deutsch (Muttersprache)");
    expect(result.answer).toContain("English (fluent)");
    expect(result.answer).not.toMatch(/\[|p-helga/);
    const source = result.sources.find((entry) => entry.factId === "p-helga:languages");
    expect(source).toMatchObject({ kind: "languages", label: "Languages" });
    expect(source?.spans?.length).toBeGreaterThan(0);
  });

  it("says yes to a language the section lists and names one it does not", async () => {
    expect((await answer("Does she speak German?")).answer).toMatch(/^Yes/);
    const french = (await answer("Does she speak French?")).answer;
    expect(french).toContain("doesn't mention French");
  });

  it("answers certifications and awards from their sections", async () => {
    const certifications = await answer("Does she hold any certifications?");
    expect(certifications.answer).toContain("Certified Kubernetes Administrator");
    expect(certifications.sources.map((entry) => entry.factId)).toContain("p-helga:certifications");
    expect((await answer("Has she won any awards?")).answer).toContain("Employee of the Year 2022");
  });

  it("says the résumé lists no publications when the section is empty", async () => {
    const result = await answer("Has she published any papers?");
    expect(result.answer).toContain("doesn't mention");
    expect(result.sources).toEqual([]);
  });
});
