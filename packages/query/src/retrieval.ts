import type { TechnologyCategory } from "@vitae/taxonomy";
import { categoryOf } from "./technologies";
import type { DateConstraint, EntityMatch, Fact, FactKind, Intent, YearMonth } from "./types";
import { toMonthIndex } from "./year-month";

/**
 * Full-text search over one profile's facts (Postgres `tsvector` in production). Returns fact ids with a
 * rank, best first; ids it returns that the profile does not hold are ignored, never cited.
 */
export type SearchFacts = (params: {
  profileId: string;
  query: string;
  limit: number;
  signal?: AbortSignal;
}) => Promise<Array<{ id: string; rank: number }>>;

export interface RetrievalInput {
  profileId: string;
  facts: Fact[];
  query: string;
  intent: Intent;
  technologies: string[];
  categories: TechnologyCategory[];
  entities: EntityMatch[];
  dates: DateConstraint | null;
  focusFactIds: string[];
  excludeFactIds: string[];
  now: Date;
  signal?: AbortSignal;
}

export interface RetrievalResult {
  /** Best first. */
  factIds: string[];
  /** Asked technologies the profile holds anywhere / nowhere. */
  matchedTechnologies: string[];
  missingTechnologies: string[];
  /** True when full-text search failed and ranking fell back to structure alone. */
  searchFailed: boolean;
}

const kindsByIntent: Record<Intent, FactKind[]> = {
  skills: ["skill", "experience", "project"],
  experience: ["experience"],
  education: ["education"],
  projects: ["project"],
  contact: ["contact"],
  summary: ["summary", "experience", "skill"],
  timeline: ["experience", "education"],
  "fit-for-role": ["experience", "project", "skill", "summary"],
  availability: ["summary", "contact", "experience"],
  greeting: [],
  meta: [],
  "out-of-scope": [],
};

const limits: Partial<Record<Intent, number>> = { skills: 40, summary: 12, timeline: 20, "fit-for-role": 12 };

const endIndex = (fact: Fact, nowIndex: number) =>
  fact.end === "present"
    ? nowIndex
    : fact.end
      ? toMonthIndex(fact.end)
      : fact.start
        ? toMonthIndex(fact.start)
        : null;

function applyDates(facts: Fact[], dates: DateConstraint, nowIndex: number): Fact[] {
  const dated = facts.filter((fact) => fact.start !== null || fact.end !== null);
  if (dates.kind === "range") {
    const from = dates.start ? toMonthIndex(dates.start) : Number.NEGATIVE_INFINITY;
    const to = dates.end ? toMonthIndex(dates.end) : Number.POSITIVE_INFINITY;
    return dated.filter((fact) => {
      const start = fact.start ? toMonthIndex(fact.start) : endIndex(fact, nowIndex);
      const end = endIndex(fact, nowIndex);
      return start !== null && end !== null && start <= to && end >= from;
    });
  }
  const jobs = dated.filter((fact) => fact.kind === "experience");
  const pool = jobs.length > 0 ? jobs : dated;
  if (dates.kind === "current") {
    const current = pool.filter(
      (fact) => fact.end === "present" || (endIndex(fact, nowIndex) ?? -1) >= nowIndex,
    );
    if (current.length > 0) return current;
    // No role is dated as ongoing: a role without an end date, listed first (résumés list newest first),
    // is the best reading of "current"; the answer says the résumé gives no dates for it.
    const open = facts.find((fact) => fact.kind === "experience" && fact.end === null);
    return open ? [open] : [];
  }
  // Career order: by start, or by end when only the end is known ("until 2019").
  const orderKey = (fact: Fact) => {
    const known = fact.start ?? (fact.end === "present" ? null : fact.end);
    return known ? toMonthIndex(known) : Infinity;
  };
  const byStart = [...pool].sort((a, b) => orderKey(a) - orderKey(b));
  if (dates.kind === "first") return byStart.slice(0, 1);
  const past = pool
    .filter((fact) => fact.end !== "present" && fact.end !== null)
    .sort((a, b) => toMonthIndex(b.end as YearMonth) - toMonthIndex(a.end as YearMonth));
  return past.slice(0, 1);
}

/**
 * Whether lower-cased résumé text names a technology. A plural multi-word name also counts written in
 * the singular ("Design Systems" in "the design system").
 */
export function mentionsTechnology(loweredText: string, technology: string): boolean {
  const name = technology.toLowerCase();
  return loweredText.includes(name) || (/\s\S{3,}s$/.test(name) && loweredText.includes(name.slice(0, -1)));
}

/**
 * Whether a fact names a technology, by tag or in its text. Texts are lower-cased once per question, not
 * once per (technology, fact) pair: a question may name dozens of technologies and a fact may be long.
 */
function technologyMatcher() {
  const lowered = new Map<Fact, string>();
  return (fact: Fact, technology: string): boolean => {
    if (fact.technologies.includes(technology)) return true;
    let text = lowered.get(fact);
    if (text === undefined) {
      text = fact.text.toLowerCase();
      lowered.set(fact, text);
    }
    return mentionsTechnology(text, technology);
  };
}

/**
 * Selects the facts that answer a question: structured filters from the earlier stages (kind by intent,
 * focus, entity, date, technology, category, already shown) narrow the profile's facts; full-text rank
 * plus structural evidence orders them. Pure apart from the injected `searchFacts`.
 */
export async function retrieveFacts(
  input: RetrievalInput,
  searchFacts: SearchFacts,
): Promise<RetrievalResult> {
  const nowIndex = input.now.getUTCFullYear() * 12 + input.now.getUTCMonth();
  const mentionsTechnology = technologyMatcher();
  const allTechnologies = new Set(input.facts.flatMap((fact) => fact.technologies));
  const matchedTechnologies = input.technologies.filter(
    (name) => allTechnologies.has(name) || input.facts.some((fact) => mentionsTechnology(fact, name)),
  );
  const missingTechnologies = input.technologies.filter((name) => !matchedTechnologies.includes(name));
  const kinds = new Set(kindsByIntent[input.intent]);
  let candidates = input.facts.filter((fact) => kinds.has(fact.kind));

  if (input.focusFactIds.length > 0) {
    candidates = input.facts.filter((fact) => input.focusFactIds.includes(fact.id));
  }
  if (input.dates) {
    const datedKinds = candidates.filter((fact) => fact.kind === "experience" || fact.kind === "education");
    candidates = applyDates(datedKinds.length > 0 ? datedKinds : candidates, input.dates, nowIndex);
  }
  if (
    input.focusFactIds.length === 0 &&
    input.entities.length > 0 &&
    input.intent !== "fit-for-role" &&
    input.intent !== "summary"
  ) {
    // Narrow to the named entity unless that empties the set: in "what did she do before Farfetch?" the
    // entity only anchors the date range, which already excludes it.
    const entityIds = new Set(input.entities.flatMap((entity) => entity.factIds));
    const narrowed = candidates.filter((fact) => entityIds.has(fact.id));
    if (narrowed.length > 0) candidates = narrowed;
  }
  if (input.technologies.length > 0) {
    candidates = candidates.filter((fact) =>
      input.technologies.some((name) => mentionsTechnology(fact, name)),
    );
  } else if (input.categories.length > 0 && input.intent === "skills") {
    const wanted = new Set<string>(input.categories);
    candidates = candidates.filter(
      (fact) => fact.kind === "skill" && fact.technologies.some((name) => wanted.has(categoryOf(name))),
    );
  }
  if (input.excludeFactIds.length > 0) {
    const shown = new Set(input.excludeFactIds);
    candidates = candidates.filter((fact) => !shown.has(fact.id));
  }

  let searchFailed = false;
  const textRank = new Map<string, number>();
  if (candidates.length > 1 && input.query.trim()) {
    try {
      const hits = await searchFacts({
        profileId: input.profileId,
        query: input.query,
        limit: 50,
        signal: input.signal,
      });
      const best = Math.max(...hits.map((hit) => hit.rank), Number.MIN_VALUE);
      for (const hit of hits) textRank.set(hit.id, hit.rank / best);
    } catch {
      // Structured filters already hold the answer's facts; losing text rank only loses ordering.
      searchFailed = true;
    }
  }
  const score = (fact: Fact) => {
    const technologyHits = input.technologies.filter((name) => fact.technologies.includes(name)).length;
    const recency = fact.kind === "experience" ? (endIndex(fact, nowIndex) ?? 0) / (nowIndex * 50) : 0;
    return (textRank.get(fact.id) ?? 0) + technologyHits * 0.5 + recency;
  };
  const ranked = candidates
    .map((fact, index) => ({ fact, index, score: score(fact) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limits[input.intent] ?? 6);
  return {
    factIds: ranked.map(({ fact }) => fact.id),
    matchedTechnologies,
    missingTechnologies,
    searchFailed,
  };
}
