import { describe, expect, it } from "vitest";
import { ask } from "./ask";
import { createInMemoryFactSearch } from "./testing";
import { type AskProfile, emptySession } from "./types";

// A career whose newest role has no parsed start, an employer that is a university, a digital bank whose
// industry shows only in its name, a volunteering section, and an employer that is also a technology name.
const profile: AskProfile = {
  id: "p-karin",
  name: "Karin Lund",
  headline: "Platform engineer",
  summary: null,
  contact: { email: null, phone: null, location: "Oslo, Norway", links: [] },
  experiences: [
    {
      id: "k-exp-shopify",
      company: "Shopify",
      title: "Platform Engineer",
      start: null,
      end: "present",
      location: null,
      bullets: ["Runs the deploy pipeline for the checkout services"],
      technologies: ["Kubernetes"],
    },
    {
      id: "k-exp-bank",
      company: "Sparebank1",
      title: "Backend Developer",
      start: "2019-02",
      end: "2022-06",
      location: null,
      bullets: ["Built the mortgage calculator API"],
      technologies: ["Java"],
    },
    {
      id: "k-exp-uio",
      company: "University of Oslo",
      title: "Research Assistant",
      start: "2017-01",
      end: "2018-12",
      location: null,
      bullets: ["Wrote simulation code for the physics department"],
      technologies: ["Python"],
    },
  ],
  education: [
    {
      id: "k-edu-msc",
      school: "NTNU",
      degree: "MSc",
      field: "Computational Physics",
      start: "2014-08",
      end: "2016-12",
    },
  ],
  projects: [],
  skills: [{ id: "k-sk-k8s", name: "Kubernetes", category: "devops", raw: "Kubernetes" }],
  volunteering: ["Coach at Code Club Oslo"],
};

const now = new Date("2025-06-15T12:00:00Z");

async function answer(question: string) {
  return ask(
    { question, profile, session: emptySession(), now },
    { searchFacts: createInMemoryFactSearch([profile]) },
  );
}

describe("work questions of issue 10", () => {
  it("answers 'the résumé doesn't mention' for work it cannot place, never every role", async () => {
    const result = await answer("Has she worked on compilers?");
    expect(result.answer).toBe("Karin's résumé doesn't mention compilers.");
    expect(result.sources).toEqual([]);
  });

  it("still lists the roles when the asked work is on the résumé", async () => {
    const result = await answer("Has she worked on simulation code?");
    expect(result.answer).toContain("University of Oslo");
  });

  it("reads a university employer as work in academia, not as the schools attended", async () => {
    const result = await answer("Has she ever worked at a university?");
    expect(result.intent).toBe("experience");
    expect(result.answer).toContain("University of Oslo");
    expect(result.answer).not.toContain("NTNU");
  });

  it("finds an industry inside an employer's name", async () => {
    const result = await answer("Has she worked in banking?");
    expect(result.answer).toContain("Sparebank1");
  });

  it("places an employer without a start date by the order the résumé lists roles in", async () => {
    const result = await answer("What did she do before Shopify?");
    expect(result.answer).toContain("Sparebank1");
    expect(result.answer).not.toContain("Platform Engineer");
    expect(result.analysis.technologies).toEqual([]);
  });

  it("bounds 'after her master's' by the degree's end", async () => {
    const result = await answer("What did she do after her master's?");
    expect(result.intent).toBe("experience");
    expect(result.answer).toContain("University of Oslo");
    expect(result.answer).not.toContain("NTNU");
  });

  it("answers volunteering from its section and 'which schools' as education", async () => {
    expect((await answer("Does she do any volunteering?")).answer).toContain("Code Club Oslo");
    const schools = await answer("Which schools did she attend?");
    expect(schools.intent).toBe("education");
    expect(schools.answer).toContain("NTNU");
  });
});
