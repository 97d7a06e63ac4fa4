import { describe, expect, it } from "vitest";
import { loadEvalSet, loadProfiles, loadUnseenProfiles, loadUnseenSet } from "../../eval/fixtures";
import { ask } from "../ask";
import { profileFacts } from "../facts";
import { createInMemoryFactSearch } from "../testing";
import { type AskProfile, emptySession, type Intent, type SessionState } from "../types";

const now = new Date("2025-06-15T12:00:00Z");

// A profile with every optional field empty: no name, no dates, no contact, no skills. Templates fall back
// to "The candidate", "dates not given" and "doesn't say" wordings here, where placeholders would show.
const sparse: AskProfile = {
  id: "p-sparse",
  name: null,
  headline: null,
  summary: null,
  contact: { email: null, phone: null, location: null, links: [] },
  experiences: [
    {
      id: "s-exp-1",
      company: "Acme",
      title: "Engineer",
      start: null,
      end: null,
      location: null,
      bullets: [],
      technologies: [],
    },
    {
      id: "s-exp-2",
      company: "Globex",
      title: "Analyst",
      start: null,
      end: "2014-06",
      location: null,
      bullets: ["Reduced costs by 10%"],
      technologies: ["Excel"],
    },
  ],
  education: [{ id: "s-edu-1", school: "State College", degree: null, field: null, start: null, end: null }],
  projects: [{ id: "s-proj-1", name: "tool", description: null, url: null, technologies: [] }],
  skills: [],
};

/**
 * One question (with the turns before it) per answer template, and the intent that routes it there. The
 * labelled sets below add hundreds more wordings; this list makes sure no template is left out.
 */
const templates: Array<{ template: string; question: string; history?: string[]; intent: Intent }> = [
  { template: "greeting", question: "Hello!", intent: "greeting" },
  { template: "meta", question: "What can you do?", intent: "meta" },
  { template: "out-of-scope", question: "Is the sky blue?", intent: "out-of-scope" },
  { template: "skill overview", question: "What are her skills?", intent: "skills" },
  { template: "technologies", question: "Has she used Python?", intent: "skills" },
  { template: "nothing: missing technology", question: "Has she used Haskell?", intent: "skills" },
  { template: "nothing: period", question: "What did she do in 1990?", intent: "experience" },
  {
    template: "stack of a role",
    question: "What did she use there?",
    history: ["What does she do now?"],
    intent: "skills",
  },
  {
    template: "more",
    question: "Anything else?",
    history: ["What projects has she done?"],
    intent: "projects",
  },
  { template: "experience: one role", question: "What does she do now?", intent: "experience" },
  {
    template: "experience: every role",
    question: "Which companies has she worked for?",
    intent: "experience",
  },
  { template: "experience: unplaced", question: "Has she worked on compilers?", intent: "experience" },
  { template: "education", question: "Where did she study?", intent: "education" },
  { template: "projects", question: "What projects has she built?", intent: "projects" },
  { template: "contact", question: "How can I contact her?", intent: "contact" },
  { template: "summary", question: "Give me a summary of her profile", intent: "summary" },
  { template: "timeline", question: "Walk me through her career timeline", intent: "timeline" },
  { template: "fit", question: "Would she be a good fit for a senior data role?", intent: "fit-for-role" },
  { template: "availability", question: "When is she available to start?", intent: "availability" },
  { template: "topic: languages", question: "Which languages does she speak?", intent: "skills" },
  { template: "topic: one language", question: "Does she speak Finnish?", intent: "skills" },
  { template: "topic: industry", question: "Has she worked in healthcare?", intent: "experience" },
  { template: "topic: industries", question: "Which industries has she worked in?", intent: "experience" },
  { template: "topic: section", question: "Has she won any awards?", intent: "summary" },
  { template: "topic: certifications", question: "Is she certified?", intent: "education" },
  { template: "topic: quantity", question: "By how much did she reduce costs?", intent: "experience" },
];

async function run(profile: AskProfile, question: string, history: string[] = []) {
  const searchFacts = createInMemoryFactSearch([profile]);
  let session: SessionState = emptySession();
  for (const earlier of history) {
    session = (await ask({ question: earlier, profile, session, now }, { searchFacts })).session;
  }
  return ask({ question, profile, session, now }, { searchFacts });
}

/** What an answer must never show: a fact id, a citation marker, a date placeholder or a stray value. */
function problems(answer: string, profile: AskProfile): string[] {
  const ids = [profile.id, ...profileFacts(profile).map((fact) => fact.id)];
  return [
    ...ids.filter((id) => answer.includes(id)),
    ...(answer.match(/\[[^\]\s]{1,80}\]|\?\s?[–-]|[–-]\s?\?(?!\w)|\b(undefined|null|NaN)\b|\[object|\$\{/g) ??
      []),
  ];
}

const profiles = [...loadProfiles(), ...loadUnseenProfiles(), sparse];

describe("answer text never shows an id or a placeholder (issue 10)", () => {
  it("holds for every answer template on every profile, the sparse one included", async () => {
    for (const profile of profiles) {
      for (const { template, question, history, intent } of templates) {
        const result = await run(profile, question, history);
        expect({ template, profile: profile.id, intent: result.intent }).toEqual({
          template,
          profile: profile.id,
          intent,
        });
        expect({ template, profile: profile.id, problems: problems(result.answer, profile) }).toEqual({
          template,
          profile: profile.id,
          problems: [],
        });
      }
    }
  });

  it("holds for every labelled question, refusals included", async () => {
    const byId = new Map(profiles.map((profile) => [profile.id, profile]));
    for (const item of [...loadEvalSet().cases, ...loadUnseenSet().cases]) {
      const profile = byId.get(item.profile);
      if (!profile) throw new Error(`${item.id}: unknown profile ${item.profile}`);
      const result = await run(profile, item.question, item.history);
      expect({ id: item.id, problems: problems(result.answer, profile) }).toEqual({
        id: item.id,
        problems: [],
      });
    }
  });

  it("catches an id, a marker and a placeholder", () => {
    expect(problems("At Acme [s-exp-1] (?–2014) s-exp-2 undefined", sparse)).toEqual([
      "s-exp-1",
      "s-exp-2",
      "[s-exp-1]",
      "?–",
      "undefined",
    ]);
  });
});
