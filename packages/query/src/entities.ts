import { editDistance, similarity } from "./fuzzy";
import { foldText } from "./normalize";
import type { AskProfile, EntityKind, EntityMatch } from "./types";

interface Candidate {
  kind: EntityKind;
  name: string;
  factIds: string[];
  tokens: string[];
  acronym: string | null;
  /** Tokens specific enough to stand for the whole name ("Stripe" for "Stripe Payments Europe"). */
  distinctive: string[];
}

const legalSuffixes = new Set([
  "inc",
  "ltd",
  "llc",
  "gmbh",
  "corp",
  "corporation",
  "co",
  "sa",
  "ag",
  "plc",
  "limited",
  "bv",
  "srl",
  "sas",
  "lda",
  "pty",
  "se",
]);
const connectors = new Set([
  "of",
  "the",
  "and",
  "for",
  "at",
  "de",
  "da",
  "do",
  "der",
  "des",
  "la",
  "le",
  "du",
  "y",
  "e",
  "&",
]);
const genericWords = new Set([
  "university",
  "universidade",
  "universidad",
  "universite",
  "universitat",
  "college",
  "school",
  "institute",
  "instituto",
  "technology",
  "technologies",
  "tech",
  "labs",
  "lab",
  "software",
  "systems",
  "solutions",
  "group",
  "bank",
  "services",
  "digital",
  "global",
  "international",
  "consulting",
  "studio",
  "agency",
  "engineer",
  "engineering",
  "developer",
  "senior",
  "junior",
  "lead",
  "staff",
  "principal",
  "manager",
  "data",
  "project",
  "app",
  "platform",
  "national",
  "state",
  "city",
  "new",
  "health",
  "hospital",
  "open",
]);

function tokenize(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}+#]+/gu) ?? [];
}

function candidateOf(kind: EntityKind, name: string, factIds: string[]): Candidate {
  const tokens = tokenize(name).filter((token) => !legalSuffixes.has(token));
  const significant = tokens.filter((token) => !connectors.has(token));
  const acronym = significant.length >= 2 ? significant.map((token) => token[0]).join("") : null;
  const distinctive =
    kind === "title" ? [] : significant.filter((token) => token.length >= 4 && !genericWords.has(token));
  return {
    kind,
    name,
    factIds,
    tokens,
    acronym: acronym && acronym.length >= 3 ? acronym : null,
    distinctive,
  };
}

/** Entities of a profile, merged by kind and name (two stints at one company are one entity). */
export function profileEntities(profile: AskProfile): Candidate[] {
  const byKey = new Map<string, { kind: EntityKind; name: string; factIds: string[] }>();
  const add = (kind: EntityKind, name: string, factId: string) => {
    if (!name.trim()) return;
    const key = `${kind}:${foldText(name)}`;
    const entry = byKey.get(key) ?? { kind, name, factIds: [] };
    entry.factIds.push(factId);
    byKey.set(key, entry);
  };
  for (const job of profile.experiences) {
    add("company", job.company, job.id);
    add("title", job.title, job.id);
  }
  for (const school of profile.education) add("school", school.school, school.id);
  for (const project of profile.projects) add("project", project.name, project.id);
  return [...byKey.values()].map((entry) => candidateOf(entry.kind, entry.name, entry.factIds));
}

function bestWindowScore(questionTokens: string[], candidate: Candidate): number {
  const target = candidate.tokens.join(" ");
  const size = candidate.tokens.length;
  if (size === 0) return 0;
  let best = 0;
  for (let length = Math.max(1, size - 1); length <= size + 1; length += 1) {
    for (let start = 0; start + length <= questionTokens.length; start += 1) {
      const window = questionTokens.slice(start, start + length).join(" ");
      // Short names ("Uber", "Meta") must match exactly; one typo in four letters is another word.
      // Scores below 0.8 are discarded anyway, so the distance may stop early past that budget.
      const longest = Math.max(window.length, target.length);
      const score =
        target.length <= 4
          ? window === target
            ? 1
            : 0
          : 1 - editDistance(window, target, Math.ceil(longest * 0.2)) / longest;
      best = Math.max(best, score);
    }
  }
  return best;
}

/**
 * Finds the profile's companies, titles, schools and projects in a question, tolerating typos,
 * missing legal suffixes, acronyms ("MIT") and partial names ("Stripe" for "Stripe Payments").
 */
export function extractEntities(question: string, profile: AskProfile): EntityMatch[] {
  const questionTokens = tokenize(question);
  const tokenSet = new Set(questionTokens);
  const matches: EntityMatch[] = [];
  for (const candidate of profileEntities(profile)) {
    let score = bestWindowScore(questionTokens, candidate);
    if (candidate.acronym && tokenSet.has(candidate.acronym)) score = Math.max(score, 0.95);
    for (const token of candidate.distinctive) {
      for (const asked of questionTokens) {
        if (asked.length >= 4 && similarity(asked, token) >= 0.8) score = Math.max(score, 0.8);
      }
    }
    // Titles are made of common words, so a title counts only when most of it is there, in order.
    if (candidate.kind === "title" && candidate.tokens.length >= 2) {
      const present = candidate.tokens.filter((token) => tokenSet.has(token)).length;
      if (present === candidate.tokens.length) score = Math.max(score, 0.9);
    }
    if (score >= 0.8) {
      matches.push({
        kind: candidate.kind,
        name: candidate.name,
        factIds: candidate.factIds,
        score: Number(score.toFixed(2)),
      });
    }
  }
  return matches.sort((a, b) => b.score - a.score);
}
