import type { NormalizedQuestion } from "./normalize";
import type { DateConstraint, EntityMatch, Fact, Intent, SessionState, YearMonth } from "./types";
import { shiftMonths, toMonthIndex, yearMonthOf } from "./year-month";

export type FollowUpKind = "none" | "reference" | "ordinal" | "more" | "ellipsis";

export interface FollowUpInput {
  question: NormalizedQuestion;
  session: SessionState;
  intent: Intent;
  intentConfidence: number;
  entities: EntityMatch[];
  technologies: string[];
  dates: DateConstraint | null;
  /** The profile's facts, to resolve "before that" against the focused entity's dates. */
  facts: Fact[];
  now: Date;
}

export interface FollowUpResult {
  kind: FollowUpKind;
  /** The intent to answer: the question's own, or the previous turn's when the question leans on it. */
  intent: Intent;
  /** Facts the question points at ("there", "the second one"); empty when it points at nothing. */
  focusFactIds: string[];
  /** Facts already shown, to skip for "more"/"others". */
  excludeFactIds: string[];
  technologies: string[];
  dates: DateConstraint | null;
}

const ordinals: Record<string, number> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
  fifth: 5,
  "5th": 5,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  last: -1,
  latter: -1,
  former: 1,
};

// "first job"/"last job" are date anchors (dates stage), so with a noun only second..fifth are ordinals.
const ordinalPattern =
  /\b(?:the )?(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last|latter|former) (?:one|1)\b|\b(?:the )?(second|third|fourth|fifth|2nd|3rd|4th|5th) (?:job|role|position|company|project|school|degree|entry|item)\b|\bnumber (one|two|three|four|five|[1-5])\b|#([1-5])\b/;
const referencePattern =
  /\b(there|that (job|role|position|company|place|employer|project|school|degree|university|one|team|time)|this (job|role|company|project|position)|the same (company|place|job|role)|it|its)\b/;
const morePattern =
  /^(and |ok |okay |so )?(more|others?|what else|anything else|any others?|more please|go on|continue|keep going|other ones?|next)\b|\b(what|which) other\b|\bany (other|more)\b|\bbesides (that|those|these|this)\b|\bapart from (that|those|these)\b|\b(show|give|tell) me (some )?(more|others)\b|\banything more\b/;
const elaboratePattern = /\b(tell me more|more about|more detail|elaborate|expand on)\b/;
const ellipsisPattern = /^(and|what about|how about|also|plus|same for|and what about|and how about)\b/;

const relativePattern =
  /\b(before|after|prior to) (that|then|this|it|there)\b|\b(?:what|where) (?:came|comes|happened|did (?:he|she|they) (?:go|do)) (next|after(?:wards)?)\b|\b(next) (?:job|role|position|step)\b|\b(afterwards|and then|then what)\b/;

/** Experiences in career order: by start (or end when only that is known); undated ones last. */
function chronological(facts: Fact[]): Fact[] {
  const key = (fact: Fact) => {
    const known = fact.start ?? (fact.end === "present" ? null : fact.end);
    return known ? toMonthIndex(known) : Number.POSITIVE_INFINITY;
  };
  return facts.filter((fact) => fact.kind === "experience").sort((a, b) => key(a) - key(b));
}

/**
 * "before that" / "after that" / "what came next": a range bounded by the focused entity's own dates; after
 * it, the next role is the one the question points at. The range after is open: the next role may still run.
 */
function relativeToFocus(
  text: string,
  input: FollowUpInput,
): { dates: DateConstraint; next: string | null } | null {
  const match = text.match(relativePattern);
  const focus = input.session.focus;
  if (!match || !focus) return null;
  const spans = input.facts.filter((fact) => focus.factIds.includes(fact.id));
  const byIndex = (values: YearMonth[]) => values.sort((a, b) => toMonthIndex(a) - toMonthIndex(b));
  if (match[1] !== "before" && match[1] !== "prior to") {
    const ends = byIndex(
      spans
        .map((fact) => (fact.end === "present" ? yearMonthOf(input.now) : fact.end))
        .filter((value): value is YearMonth => !!value),
    );
    const last = ends[ends.length - 1];
    if (!last) return null;
    const start = shiftMonths(last, 1);
    const next = chronological(input.facts).find(
      (fact) => fact.start !== null && toMonthIndex(fact.start) >= toMonthIndex(start),
    );
    return { dates: { kind: "range", start, end: null }, next: next?.id ?? null };
  }
  const first = byIndex(spans.map((fact) => fact.start).filter((value): value is YearMonth => !!value))[0];
  return first ? { dates: { kind: "range", start: null, end: shiftMonths(first, -1) }, next: null } : null;
}

// "his second job" counts along the career, not along the last answer's list.
const careerOrdinalPattern =
  /\b(?:his|her|their|its|the candidate's) (second|third|fourth|fifth|2nd|3rd|4th|5th) (?:job|role|position|employer|company)\b/;

/**
 * Resolves a question against the conversation so far. Only leans on the session when the question
 * needs it: an explicit entity or a confident new intent always wins over the previous turn.
 */
export function resolveFollowUp(input: FollowUpInput): FollowUpResult {
  const { question, session, entities } = input;
  const base: FollowUpResult = {
    kind: "none",
    intent: input.intent,
    focusFactIds: [],
    excludeFactIds: [],
    technologies: input.technologies,
    dates: input.dates,
  };
  const text = question.folded;
  const careerOrdinal =
    text.match(careerOrdinalPattern) ??
    (session.lastListedFactIds.length === 0 ? text.match(ordinalPattern) : null);
  const nth = careerOrdinal ? ordinals[careerOrdinal[1] ?? careerOrdinal[2] ?? ""] : undefined;
  if (nth !== undefined && nth > 1 && /\b(job|role|position|employer|company)\b/.test(text)) {
    const role = chronological(input.facts)[nth - 1];
    if (role) return { ...base, kind: "ordinal", intent: "experience", focusFactIds: [role.id] };
  }
  if (session.turn === 0) return base;
  const weak = input.intentConfidence < 0.6 || input.intent === "summary" || input.intent === "out-of-scope";
  const inherited =
    weak && session.lastIntent && session.lastIntent !== "greeting" ? session.lastIntent : input.intent;

  const relative = relativeToFocus(text, input);
  if (relative) {
    const intent = input.intent === "experience" || !weak ? input.intent : inherited;
    const focusFactIds = relative.next ? [relative.next] : [];
    return { ...base, kind: "reference", intent, dates: relative.dates, focusFactIds };
  }

  const ordinal = text.match(ordinalPattern);
  if (ordinal && session.lastListedFactIds.length > 0) {
    const word = ordinal[1] ?? ordinal[2] ?? ordinal[3] ?? ordinal[4] ?? "";
    const position = ordinals[word] ?? Number(word);
    const list = session.lastListedFactIds;
    const factId = position === -1 ? list[list.length - 1] : list[position - 1];
    if (factId) return { ...base, kind: "ordinal", intent: inherited, focusFactIds: [factId] };
  }

  if (elaboratePattern.test(text) && session.focus && entities.length === 0) {
    return { ...base, kind: "reference", intent: inherited, focusFactIds: session.focus.factIds };
  }

  if (morePattern.test(text) && entities.length === 0) {
    return {
      ...base,
      kind: "more",
      intent: inherited,
      excludeFactIds: session.shownFactIds,
      technologies: input.technologies.length > 0 ? input.technologies : session.lastTechnologies,
      dates: input.dates ?? session.lastDates,
    };
  }

  if (referencePattern.test(text) && entities.length === 0 && session.focus) {
    // "What technologies did she use there?" has its own intent; only a bare "and there?" borrows one.
    const own = input.intentConfidence >= 0.4 && input.intent !== "out-of-scope" ? input.intent : inherited;
    return { ...base, kind: "reference", intent: own, focusFactIds: session.focus.factIds };
  }

  if (ellipsisPattern.test(text) && question.tokens.length <= 8 && session.lastIntent) {
    return {
      ...base,
      kind: "ellipsis",
      intent: inherited,
      technologies: input.technologies.length > 0 ? input.technologies : session.lastTechnologies,
      dates: input.dates ?? (entities.length === 0 ? session.lastDates : null),
    };
  }
  return base;
}
