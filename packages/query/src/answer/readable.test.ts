import { describe, expect, it } from "vitest";
import { loadProfile } from "../../eval/fixtures";
import { ask } from "../ask";
import { profileFacts } from "../facts";
import { createInMemoryFactSearch } from "../testing";
import { type AskProfile, emptySession } from "../types";
import { answerTechnologies } from "./basic-work";
import { separateCitations } from "./citations";

const maria = loadProfile("maria-santos.json");
const now = new Date("2025-06-15T12:00:00Z");

// Issue 10's profiles in miniature: a title before the name, a job that used none of the asked technology,
// a start date that did not parse.
const weber: AskProfile = {
  id: "p-weber",
  name: "Dr. Jonas Weber",
  headline: null,
  summary: null,
  contact: { email: null, phone: null, location: null, links: [] },
  experiences: [
    {
      id: "w-exp-new",
      company: "Siemens Mobility",
      title: "Backend Engineer",
      start: "2021-03",
      end: "present",
      location: null,
      bullets: ["Built the train-positioning API"],
      technologies: ["Go"],
    },
    {
      id: "w-exp-old",
      company: "CHECK24",
      title: "Software Engineer",
      start: null,
      end: "2014-06",
      location: null,
      bullets: ["Built the insurance comparison backend"],
      technologies: ["Java"],
    },
  ],
  education: [],
  projects: [],
  skills: [{ id: "w-sk-go", name: "Go", category: "language", raw: "Go" }],
};

async function askOnce(question: string, profile: AskProfile) {
  return ask(
    { question, profile, session: emptySession(), now },
    { searchFacts: createInMemoryFactSearch([profile]) },
  );
}

describe("readable answers (issue 10)", () => {
  it("shows no fact ids: each source carries the span of the answer it supports", async () => {
    const result = await askOnce("Where did she use Kafka?", maria);
    expect(result.answer).not.toMatch(/\[[^\]\s]+\]/);
    const zalando = result.sources.find((source) => source.factId === "m-exp-zalando");
    const span = zalando?.spans?.[0];
    expect(span).toBeDefined();
    expect(result.answer.slice(span?.start, span?.end)).toMatch(/^At Zalando .*Kafka/);
  });

  it("writes an unknown start date as 'until', never as a placeholder", async () => {
    const result = await askOnce("What did he do at CHECK24?", weber);
    expect(result.answer).toContain("until Jun 2014");
    expect(result.answer).not.toMatch(/\?\s?[–-]/);
  });

  it("never says a role used a technology it does not list", () => {
    // Retrieval can hand the template a role without the technology (full-text rank, a date filter).
    const draft = answerTechnologies({
      profile: weber,
      intent: "skills",
      facts: profileFacts(weber).filter((fact) => fact.kind === "experience"),
      technologies: ["Go"],
      missingTechnologies: [],
      dates: null,
      isMore: false,
      question: "How many years has he used Go?",
      now,
    });
    expect(draft.text).toContain("Siemens Mobility");
    expect(draft.text).not.toContain("CHECK24");
    expect(draft.citedFactIds).toEqual(["w-exp-new"]);
  });

  it("reads the first name after an academic title", async () => {
    const result = await askOnce("What is his current job?", weber);
    expect(result.answer).toMatch(/^Jonas /);
    expect(result.answer).not.toContain("Dr's");
  });
});

describe("separateCitations", () => {
  it("removes known markers with the space before them and keeps other brackets", () => {
    const known = new Set(["a", "b"]);
    const { text, spans } = separateCitations("Skills. Cloud: AWS [a][b]. Uses [sic] Go [a].", (id) =>
      known.has(id),
    );
    expect(text).toBe("Skills. Cloud: AWS. Uses [sic] Go.");
    expect(spans.get("b")?.map((span) => text.slice(span.start, span.end))).toEqual(["AWS"]);
    expect(spans.get("a")?.map((span) => text.slice(span.start, span.end))).toEqual(["AWS", "Uses [sic] Go"]);
  });
});
