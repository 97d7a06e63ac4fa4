import { describe, expect, it } from "vitest";
import { ask } from "./ask";
import { createInMemoryFactSearch } from "./testing";
import { type AskProfile, emptySession, type SessionState } from "./types";

// A résumé unlike the tuned fixtures: Spanish-language details, an industry only its bullets show,
// infrastructure-as-code tools, and one role whose dates did not parse.
const ines: AskProfile = {
  id: "p-ines",
  name: "Inés Romero",
  headline: "Platform Engineer",
  summary: "Platform engineer. Idiomas: español (nativo), inglés (C1), catalán.",
  contact: { email: null, phone: null, location: "Valencia", links: [] },
  experiences: [
    {
      id: "i-exp-lab",
      company: "Lab Norte",
      title: "Platform Engineer",
      start: null,
      end: null,
      location: null,
      bullets: ["Runs the cloud platform of a network of hospitals with Terraform", "Cut deploy time by 70%"],
      technologies: ["Terraform", "Kubernetes"],
    },
    {
      id: "i-exp-bank",
      company: "Caja Sur",
      title: "Systems Engineer",
      start: "2016-02",
      end: "2019-08",
      location: null,
      bullets: ["Automated branch servers with Ansible"],
      technologies: ["Ansible"],
    },
    {
      id: "i-exp-intern",
      company: "Teleco Levante",
      title: "Intern",
      start: "2015-06",
      end: "2016-01",
      location: null,
      bullets: ["Wrote monitoring scripts"],
      technologies: ["Python"],
    },
  ],
  education: [],
  projects: [],
  skills: [{ id: "i-sk-tf", name: "Terraform", category: "devops", raw: "Terraform" }],
};

const now = new Date("2025-06-15T12:00:00Z");
const searchFacts = createInMemoryFactSearch([ines]);

async function conversation(questions: string[]) {
  let session: SessionState = emptySession();
  let last: Awaited<ReturnType<typeof ask>> | undefined;
  for (const question of questions) {
    last = await ask({ question, profile: ines, session, now }, { searchFacts });
    session = last.session;
  }
  if (!last) throw new Error("no question");
  return last;
}

describe("topic questions (issue 10)", () => {
  it("answers spoken languages from the résumé's own words, in any of its languages", async () => {
    const spanish = await conversation(["Does she speak Spanish?"]);
    expect(spanish.intent).toBe("skills");
    expect(spanish.answer).toContain("español (nativo)");
    const french = await conversation(["Does she speak French?"]);
    expect(french.answer).toMatch(/doesn't mention French/);
  });

  it("finds an industry through the text that shows it, and says so when nothing does", async () => {
    const health = await conversation(["Has she worked in healthcare?"]);
    expect(health.answer).toContain("Lab Norte");
    expect(health.answer).not.toContain("Caja Sur");
    const fashion = await conversation(["Has she worked in fashion?"]);
    expect(fashion.answer).toMatch(/doesn't mention work in fashion/);
    expect(fashion.sources).toEqual([]);
  });

  it("reads a technology practice as the profile's tools of that practice", async () => {
    const result = await conversation(["Does she have infrastructure as code experience?"]);
    expect(result.analysis.technologies).toEqual(expect.arrayContaining(["Terraform", "Ansible"]));
    expect(result.answer).toContain("Terraform");
  });

  it("answers a number about a role with the bullet that holds it", async () => {
    const result = await conversation(["By how much did she cut deploy time?"]);
    expect(result.answer).toContain("70%");
    expect(result.answer).not.toContain("Caja Sur");
  });

  it("follows the timeline: the first job, what came next, and an ordinal", async () => {
    const next = await conversation(["What was her first job?", "What came next?"]);
    expect(next.answer).toContain("Caja Sur");
    expect(next.answer).not.toContain("Teleco Levante");
    const second = await conversation(["What was her second job?"]);
    expect(second.answer).toContain("Caja Sur");
  });

  it("reads the current role from an undated first entry when no role is dated as ongoing", async () => {
    const result = await conversation(["Where does she work now?"]);
    expect(result.answer).toContain("Lab Norte");
  });
});
