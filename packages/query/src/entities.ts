import { boundedEditDistance } from "./fuzzy";
import { genericNameWords as genericWords } from "./lexicon";
import { foldText, maxQuestionLength } from "./normalize";
import type { AskProfile, EntityKind, EntityMatch } from "./types";
import { canSpend, createWorkBudget, metered, type WorkBudget } from "./work-budget";

interface Candidate {
  kind: EntityKind;
  name: string;
  factIds: string[];
  tokens: string[];
  /** `tokens` joined by single spaces: what a question window is compared with. */
  target: string;
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
// Bounds on fuzzy matching, whose cost grows with question size × profile size. Past them a name is
// still found when spelt exactly; only typo tolerance is given up.
/** Names longer than this are matched exactly: a real company, school or project name is short. */
const maxFuzzyNameLength = 48;
const maxFuzzyNameTokens = 6;
/** Question words read by fuzzy matching; a real question has far fewer, a hostile one up to 500. */
const maxFuzzyQuestionTokens = 200;
/** Words longer than this match exactly or not at all. */
const maxFuzzyTokenLength = 32;
/** Names of one profile considered, in profile order (experiences, education, projects). */
const maxCandidates = 200;
const maxDistinctiveTokens = 8;
/** Matches below this similarity (1 − distance / longer length) are not matches. */
const threshold = 0.8;

function tokenize(text: string): string[] {
  return foldText(text.slice(0, maxQuestionLength)).match(/[\p{L}\p{N}+#]+/gu) ?? [];
}

function candidateOf(kind: EntityKind, name: string, factIds: string[]): Candidate {
  const tokens = tokenize(name).filter((token) => !legalSuffixes.has(token));
  const significant = tokens.filter((token) => !connectors.has(token));
  const acronym = significant.length >= 2 ? significant.map((token) => token[0]).join("") : null;
  const distinctive =
    kind === "title"
      ? []
      : [...new Set(significant.filter((token) => token.length >= 4 && !genericWords.has(token)))].slice(
          0,
          maxDistinctiveTokens,
        );
  return {
    kind,
    name,
    factIds,
    tokens,
    target: tokens.join(" "),
    acronym: acronym && acronym.length >= 3 ? acronym : null,
    distinctive,
  };
}

// A question reads the same profile several times (entities, dates, each verified sentence); profiles are
// not mutated once loaded, so their names are prepared once per profile object.
const preparedEntities = new WeakMap<AskProfile, Candidate[]>();

/** Entities of a profile, merged by kind and name (two stints at one company are one entity). */
export function profileEntities(profile: AskProfile): Candidate[] {
  let prepared = preparedEntities.get(profile);
  if (!prepared) {
    prepared = prepareEntities(profile);
    preparedEntities.set(profile, prepared);
  }
  return prepared;
}

function prepareEntities(profile: AskProfile): Candidate[] {
  const byKey = new Map<string, { kind: EntityKind; name: string; factIds: string[] }>();
  const add = (kind: EntityKind, name: string, factId: string) => {
    // A name longer than a whole question cannot be in one; skipping it also bounds the folding below.
    if (!name.trim() || name.length > maxQuestionLength) return;
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
  return [...byKey.values()]
    .slice(0, maxCandidates)
    .map((entry) => candidateOf(entry.kind, entry.name, entry.factIds));
}

/** The question, read once per call: its words, and its distinct word windows by window size. */
class QuestionView {
  readonly spaced: string;
  readonly tokenSet: Set<string>;
  /** The words fuzzy matching reads. */
  private readonly head: string[];
  private readonly windows = new Map<number, string[]>();

  constructor(tokens: string[]) {
    this.spaced = ` ${tokens.join(" ")} `;
    this.tokenSet = new Set(tokens);
    this.head = tokens.slice(0, maxFuzzyQuestionTokens);
  }

  /** Distinct runs of `size` consecutive words among the first words, joined by single spaces. */
  windowsOf(size: number): string[] {
    let found = this.windows.get(size);
    if (!found) {
      const tokens = this.head;
      const distinct = new Set<string>();
      for (let start = 0; start + size <= tokens.length; start += 1) {
        distinct.add(tokens.slice(start, start + size).join(" "));
      }
      found = [...distinct];
      this.windows.set(size, found);
    }
    return found;
  }

  /** Distinct words of at least four letters that fuzzy matching may compare. */
  wordsForFuzzy(): string[] {
    return [...new Set(this.head)].filter(
      (token) => token.length >= 4 && token.length <= maxFuzzyTokenLength,
    );
  }
}

/** Similarity of `a` to `b` when it reaches the threshold, else 0; spends its cells from `budget`. */
function similarEnough(a: string, b: string, budget: WorkBudget): number {
  const longest = Math.max(a.length, b.length);
  const limit = Math.floor(longest * (1 - threshold) + 1e-9);
  if (Math.abs(a.length - b.length) > limit || !canSpend(budget)) return 0;
  budget.distanceCalls += 1;
  const distance = boundedEditDistance(a, b, limit, budget);
  return distance > limit ? 0 : 1 - distance / longest;
}

/** Best similarity of the name to any window of about as many words as it has. */
function fuzzyWindowScore(view: QuestionView, candidate: Candidate, budget: WorkBudget): number {
  const size = candidate.tokens.length;
  let best = 0;
  for (let length = Math.max(1, size - 1); length <= size + 1; length += 1) {
    for (const window of view.windowsOf(length)) {
      best = Math.max(best, similarEnough(window, candidate.target, budget));
      if (budget.exhausted) return best;
    }
  }
  return best;
}

/**
 * Finds the profile's companies, titles, schools and projects in a question, tolerating typos,
 * missing legal suffixes, acronyms ("MIT") and partial names ("Stripe" for "Stripe Payments").
 * Reads the first 1,000 characters. Exact matches are always found; typo tolerance spends from `budget`
 * (a fresh default one when none is given) and stops when it is spent, so the cost is bounded whatever
 * the question and the profile hold.
 */
export function extractEntities(
  question: string,
  profile: AskProfile,
  budget: WorkBudget = createWorkBudget(),
): EntityMatch[] {
  return metered(budget, () => matchEntities(question, profile, budget));
}

function matchEntities(question: string, profile: AskProfile, budget: WorkBudget): EntityMatch[] {
  const view = new QuestionView(tokenize(question));
  const candidates = profileEntities(profile);
  const scores = new Map<Candidate, number>();
  // Exact evidence first, for every name: one scan of the question per name, never subject to the budget.
  for (const candidate of candidates) {
    if (candidate.tokens.length === 0) continue;
    let score = view.spaced.includes(` ${candidate.target} `) ? 1 : 0;
    if (candidate.acronym && view.tokenSet.has(candidate.acronym)) score = Math.max(score, 0.95);
    if (candidate.distinctive.some((token) => view.tokenSet.has(token))) score = Math.max(score, threshold);
    // Titles are made of common words, so a title counts only when all of it is there.
    if (candidate.kind === "title" && candidate.tokens.length >= 2) {
      if (candidate.tokens.every((token) => view.tokenSet.has(token))) score = Math.max(score, 0.9);
    }
    scores.set(candidate, score);
  }
  // Then typos in whole names. Short names ("Uber", "Meta") must match exactly: one typo in four letters
  // is another word.
  for (const candidate of candidates) {
    const fuzzy =
      candidate.target.length > 4 &&
      candidate.target.length <= maxFuzzyNameLength &&
      candidate.tokens.length <= maxFuzzyNameTokens;
    if (budget.exhausted) break;
    if (!fuzzy || (scores.get(candidate) ?? 0) === 1) continue;
    const score = fuzzyWindowScore(view, candidate, budget);
    if (score > (scores.get(candidate) ?? 0)) scores.set(candidate, score);
  }
  // Then typos in a distinctive word ("Farfech"), each word compared once however many names share it.
  const distinctiveHits = new Map<string, boolean>();
  const words = view.wordsForFuzzy();
  for (const candidate of candidates) {
    if (budget.exhausted) break;
    if ((scores.get(candidate) ?? 0) >= threshold) continue;
    for (const token of candidate.distinctive) {
      if (token.length > maxFuzzyTokenLength) continue;
      let hit = distinctiveHits.get(token);
      if (hit === undefined) {
        hit = words.some((word) => similarEnough(word, token, budget) >= threshold);
        if (!budget.exhausted) distinctiveHits.set(token, hit);
      }
      if (hit) {
        scores.set(candidate, threshold);
        break;
      }
    }
  }
  const matches: EntityMatch[] = [];
  for (const [candidate, score] of scores) {
    if (score < threshold) continue;
    matches.push({
      kind: candidate.kind,
      name: candidate.name,
      factIds: candidate.factIds,
      score: Number(score.toFixed(2)),
    });
  }
  return matches.sort((a, b) => b.score - a.score);
}
