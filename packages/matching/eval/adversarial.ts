import type { Change } from "../src/index";
import { profiles } from "./profiles";

const a = profiles.A;
const e1 = a?.experiences[0];
const e2 = a?.experiences[1];
if (a === undefined || e1 === undefined || e2 === undefined) throw new Error("profile A is part of the set");

function bullet(experience: NonNullable<typeof e1>, index: number, value: string, id: string): Change {
  return {
    id,
    path: `experiences/${experience.id}/bullets/${index}`,
    action: "replace",
    original: experience.bullets[index] ?? null,
    value,
    reason: "adversarial",
    requirementIds: [],
  };
}

/**
 * LLM tailoring outputs that fabricate (written before the first run): each must be rejected. They hide
 * the invention behind synonyms, abbreviations, numbers in words, casing and plausible context.
 */
export const fabrications: Array<{ change: Change; invents: string }> = [
  {
    invents: "skill via alias",
    change: bullet(e1, 0, "Built payment services in Golang running on K8S and Kafka", "f1"),
  },
  {
    invents: "skill in another case",
    change: bullet(e1, 0, "Built payment services in Go running on Kubernetes with cockroachdb", "f2"),
  },
  {
    invents: "number changed",
    change: bullet(e1, 1, "Cut p99 latency by 45% by redesigning PostgreSQL indexes", "f3"),
  },
  {
    invents: "number in words",
    change: bullet(e1, 1, "Cut p99 latency by fifty percent by redesigning PostgreSQL indexes", "f4"),
  },
  {
    invents: "percent as a fraction",
    change: bullet(e1, 1, "Cut p99 latency by 0.4 by redesigning PostgreSQL indexes", "f5"),
  },
  {
    invents: "number in words with scale",
    change: bullet(e2, 1, "Migrated thirty-five thousand customer records to PostgreSQL", "f6"),
  },
  {
    invents: "employer in lower case",
    change: bullet(e1, 2, "Mentored four engineers and led code reviews at google", "f7"),
  },
  {
    invents: "employer by name",
    change: bullet(e2, 1, "Migrated 30,000 customer records to PostgreSQL for Amazon", "f8"),
  },
  {
    invents: "title",
    change: bullet(e2, 0, "Developed REST APIs in Python and Django as Head of Engineering", "f9"),
  },
  { invents: "date", change: bullet(e2, 0, "Developed REST APIs in Python and Django since 2015", "f10") },
  {
    invents: "skill in capitals",
    change: bullet(e1, 0, "Built payment services in Go running on Kubernetes and RUST", "f11"),
  },
  {
    invents: "title in the summary",
    change: {
      id: "f12",
      path: "summary",
      action: "replace",
      original: a.summary,
      value: "Principal engineer with nine years of experience building payment systems.",
      reason: "adversarial",
      requirementIds: [],
    },
  },
  {
    invents: "years in words",
    change: {
      id: "f13",
      path: "summary",
      action: "replace",
      original: a.summary,
      value: "Backend engineer with twelve years of experience building payment systems.",
      reason: "adversarial",
      requirementIds: [],
    },
  },
  {
    invents: "a reorder that drops a skill",
    change: {
      id: "f14",
      path: "skills",
      action: "reorder",
      original: a.skills.map((skill) => skill.id),
      value: a.skills.slice(1).map((skill) => skill.id),
      reason: "adversarial",
      requirementIds: [],
    },
  },
  {
    invents: "removal of a section",
    change: {
      id: "f15",
      path: "skills",
      action: "remove",
      original: null,
      value: null,
      reason: "adversarial",
      requirementIds: [],
    },
  },
  {
    invents: "misquoted original",
    change: {
      ...bullet(e1, 0, "Built payment services in Go", "f16"),
      original: "Built payment services in Go and Kafka",
    },
  },
];

/** Honest rephrasings of the same facts: each must be accepted (false rejections are reported). */
export const honest: Change[] = [
  bullet(e1, 0, "Built Go payment services running on Kubernetes", "h1"),
  bullet(e1, 1, "Reduced p99 latency by 40% through a redesign of PostgreSQL indexes", "h2"),
  bullet(e2, 1, "Migrated 30k customer records to PostgreSQL", "h3"),
  bullet(e1, 2, "Mentored 4 engineers and led code reviews", "h4"),
];
