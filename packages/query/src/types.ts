import type { FactKind, FactProfile, YearMonth } from "@vitae/contracts";

export type {
  Card,
  FactKind,
  RefusalCode,
  Source,
  TextSpan,
  YearMonth,
} from "@vitae/contracts";
export { refusalCodes } from "@vitae/contracts";
// YearMonth is "YYYY-MM"; a year alone is stored as "YYYY-01" (see docs/documents-contracts.md).

/** The profile Ask answers from: every fact with its stable id (see `FactProfile` in `@vitae/contracts`). */
export type AskProfile = FactProfile;

export type ProfileExperience = AskProfile["experiences"][number];
export type ProfileEducation = AskProfile["education"][number];
export type ProfileProject = AskProfile["projects"][number];
export type ProfileSkill = AskProfile["skills"][number];

/**
 * One citable unit of a profile. Experiences, education entries, projects and skills keep their own
 * ids; the summary and contact block get `<profileId>:summary` / `<profileId>:contact`.
 */
export interface Fact {
  id: string;
  kind: FactKind;
  /** Searchable text: everything an answer may say about this fact. */
  text: string;
  /** Canonical technology names attached to the fact. */
  technologies: string[];
  start: YearMonth | null;
  end: YearMonth | "present" | null;
  /** Company, school, project or skill name; null for summary/contact. */
  entity: string | null;
}

export const intents = [
  "skills",
  "experience",
  "education",
  "projects",
  "contact",
  "summary",
  "timeline",
  "fit-for-role",
  "availability",
  "greeting",
  "meta",
  "out-of-scope",
] as const;

export type Intent = (typeof intents)[number];

/** Inclusive month range; a null bound is open. */
export interface DateRange {
  start: YearMonth | null;
  end: YearMonth | null;
}

/**
 * A date constraint found in a question. `current` / `first` / `previous` are anchors resolved
 * against the profile at retrieval time; ranges are already resolved against `now`.
 */
export type DateConstraint =
  | { kind: "range"; start: YearMonth | null; end: YearMonth | null }
  | { kind: "current" }
  | { kind: "first" }
  | { kind: "previous" };

export type EntityKind = "company" | "title" | "school" | "project";

export interface EntityMatch {
  kind: EntityKind;
  /** The name as the profile spells it. */
  name: string;
  /** Facts that carry this entity (several experiences may share a company or title). */
  factIds: string[];
  /** 0..1, 1 for an exact match. */
  score: number;
}

/**
 * Conversation memory between turns, stored by the caller (Redis in the API). Plain JSON, so it
 * survives serialisation; `ask()` returns the next state and never mutates the one it was given.
 */
export interface SessionState {
  turn: number;
  lastIntent: Intent | null;
  lastTechnologies: string[];
  lastDates: DateConstraint | null;
  /** The entity the conversation is about ("there", "that job" refer to it). */
  focus: { kind: EntityKind; name: string; factIds: string[] } | null;
  /** Fact ids already shown in any answer, so "more"/"others" can skip them. */
  shownFactIds: string[];
  /** Fact ids of the last answer in display order, so "the second one" can point into it. */
  lastListedFactIds: string[];
}

export function emptySession(): SessionState {
  return {
    turn: 0,
    lastIntent: null,
    lastTechnologies: [],
    lastDates: null,
    focus: null,
    shownFactIds: [],
    lastListedFactIds: [],
  };
}
