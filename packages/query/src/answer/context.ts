import type { Topic } from "../topics";
import type { AskProfile, DateConstraint, Fact, Intent } from "../types";
import { formatYearMonth, toMonthIndex } from "../year-month";

/** Everything a template needs; built once per answer by the orchestrator. */
export interface AnswerContext {
  profile: AskProfile;
  intent: Intent;
  /** Selected facts, best first. */
  facts: Fact[];
  technologies: string[];
  missingTechnologies: string[];
  dates: DateConstraint | null;
  isMore: boolean;
  question: string;
  now: Date;
  /** Set when the question asks about a topic answered from résumé text (languages, an industry, …). */
  topic?: Topic | null;
}

export interface DraftAnswer {
  text: string;
  /** Facts the text cites, in order of first citation. */
  citedFactIds: string[];
}

// Titles written before a name ("Dr. Amara Nwosu", "Prof. Dr. Weber"): the first name is the word after them.
const honorific =
  /^(?:dr|prof|professor|mr|mrs|ms|mx|miss|sir|dame|dipl|ing|mag|univ|doz|pd|dra|sr|sra|mme|m)\.?$/i;

export function firstName(profile: AskProfile): string {
  const words = profile.name?.trim().split(/\s+/) ?? [];
  const given = words.find((word) => !honorific.test(word.replace(/[-.]+$/, "")) && /\p{L}/u.test(word));
  return given || "The candidate";
}

export function possessive(name: string): string {
  return name === "The candidate" ? "The candidate's" : name.endsWith("s") ? `${name}'` : `${name}'s`;
}

export function describeDates(dates: DateConstraint | null): string {
  if (!dates) return "";
  if (dates.kind === "current") return "currently";
  if (dates.kind === "first") return "for the first role";
  if (dates.kind === "previous") return "for the previous role";
  if (dates.start && dates.end) {
    const from = formatYearMonth(dates.start);
    const to = formatYearMonth(dates.end);
    if (dates.start.endsWith("-01") && dates.end.endsWith("-12")) {
      const a = dates.start.slice(0, 4);
      const b = dates.end.slice(0, 4);
      return a === b ? `in ${a}` : `between ${a} and ${b}`;
    }
    return from === to ? `in ${from}` : `between ${from} and ${to}`;
  }
  if (dates.start) return `since ${formatYearMonth(dates.start)}`;
  if (dates.end) return `before ${formatYearMonth(dates.end)}`;
  return "";
}

/** Whole years covered by the given facts' date spans, overlaps counted once. */
export function yearsCovered(facts: Fact[], now: Date): number {
  const nowIndex = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const spans = facts
    .filter((fact) => fact.start)
    .map((fact) => {
      const start = toMonthIndex(fact.start as `${number}-${number}`);
      const end = fact.end === "present" || !fact.end ? nowIndex : toMonthIndex(fact.end);
      return [start, Math.max(start, end)] as const;
    })
    .sort((a, b) => a[0] - b[0]);
  let months = 0;
  let cursor = Number.NEGATIVE_INFINITY;
  for (const [start, end] of spans) {
    const from = Math.max(start, cursor);
    if (end + 1 > from) months += end + 1 - from;
    cursor = Math.max(cursor, end + 1);
  }
  return Math.floor(months / 12);
}
