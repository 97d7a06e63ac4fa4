import { describe, expect, it } from "vitest";
import { ask } from "./ask";
import { createInMemoryFactSearch } from "./testing";
import { type AskProfile, emptySession } from "./types";

const profile: AskProfile = {
  id: "p-ines",
  name: "Inês Cardoso",
  headline: "Product engineer",
  summary: null,
  contact: { email: null, phone: null, location: null, links: [] },
  experiences: [
    {
      id: "i-exp-1",
      company: "Douro Seguros",
      title: "Frontend Developer",
      start: "2021-01",
      end: "present",
      location: null,
      bullets: ["Rebuilt the car insurance quote flow", "Maintains the design system of the claims portal"],
      technologies: ["React"],
    },
    {
      id: "i-exp-2",
      company: "Lisbon General Hospital",
      title: "IT Analyst",
      start: "2017-03",
      end: "2020-12",
      location: null,
      bullets: ["Supported the patient records system"],
      technologies: [],
    },
  ],
  education: [
    {
      id: "i-edu-1",
      school: "Universidade do Minho",
      degree: "PhD",
      field: "Informatics (thesis: Usable Consent Forms)",
      start: "2013-09",
      end: "2017-02",
    },
  ],
  projects: [],
  skills: [],
};

async function answer(question: string) {
  return ask(
    { question, profile, session: emptySession(), now: new Date("2026-12-01") },
    { searchFacts: createInMemoryFactSearch([profile]) },
  );
}

describe("question kinds of issue 10", () => {
  it("names the industries the roles show when asked which industries, with each role cited", async () => {
    const result = await answer("Which industries has Inês worked in?");
    expect(result.intent).toBe("experience");
    expect(result.answer).toContain("shows work in healthcare and insurance:");
    expect(result.answer).not.toContain("automotive");
    expect(result.sources.map((source) => source.factId).sort()).toEqual(["i-exp-1", "i-exp-2"]);
  });

  it("reads 'a background in <industry>' as work history, and 'her background' as the summary", async () => {
    const industry = await answer("Does she have a background in healthcare?");
    expect(industry.intent).toBe("experience");
    expect(industry.answer).toContain("Lisbon General Hospital");
    expect((await answer("Tell me about her background")).intent).toBe("summary");
  });

  it("answers a dissertation question from education", async () => {
    const result = await answer("What was the topic of her dissertation?");
    expect(result.intent).toBe("education");
    expect(result.answer).toContain("Usable Consent Forms");
  });

  it("finds a plural technology written in the singular and cites the role", async () => {
    const result = await answer("Has she worked on Design Systems?");
    expect(result.answer).not.toContain("doesn't mention");
    expect(result.sources.map((source) => source.factId)).toContain("i-exp-1");
  });
});
