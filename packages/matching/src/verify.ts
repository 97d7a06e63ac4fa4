import { findTechnologies } from "@vitae/taxonomy";
import { type Change, resolvePath, valueAt } from "./changes";
import { profileFacts, technologyNames } from "./facts";
import { numbersIn } from "./numbers";
import type { MatchProfile } from "./types";

/** Why the verifier refused a change; clients may switch on these strings. */
export const rejectionCodes = [
  "unknown-path",
  "stale-original",
  "bad-action",
  "loses-content",
  "new-skill",
  "new-number",
  "new-name",
  "new-title",
] as const;
export type RejectionCode = (typeof rejectionCodes)[number];

export interface Rejection {
  change: Change;
  code: RejectionCode;
  /** What was introduced or lost, for the user ("Kubernetes", "45%", "section skills"). */
  detail: string;
}

// Job-title words: a new one ("Principal", "Head of") claims a title the profile never held.
const titleWords = new Set(
  "senior junior lead principal staff head director manager vp vice president chief cto ceo cfo coo cio architect founder co-founder owner partner intern".split(
    " ",
  ),
);
// Words that may open a rephrased bullet although the source never used them: past-tense verbs and function
// words. Not "-ing" or "-s" words: "Boeing" and "Siemens" would pass as verbs.
const sentenceStarters =
  /^(?:[A-Z][a-z]{1,20}ed|Own|Run|Led|Built|Grew|Cut|Set|Won|Drove|Wrote|Made|Took|As|The|A|An|In|On|For|With|By|Through|Over|Across|Within|After|Before|While|During|Using|Via|From|To|Our|My|Each|Every|All|Both)$/u;

// A word may hold inner dots, dashes and ampersands ("Node.js", "AT&T", "co-founder"); a trailing one
// is punctuation. Source and proposal are cut the same way so "English." in one is "English" in both.
const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}'&.-]*/gu;
// Trimmed by a loop, not /[.'-]+$/: that regex rescans a long inner run of dashes from every position.
function wordOf(raw: string): string {
  let end = raw.length;
  while (end > 0 && ".'-".includes(raw[end - 1] as string)) end -= 1;
  return raw.slice(0, end);
}

// Ordinary words that follow "at"/"for" without naming an employer ("at scale", "for the team").
const notAnEmployer = new Set(
  "scale least most once the a an our their its each every all both internal external launch speed".split(
    " ",
  ),
);

interface Source {
  technologies: Set<string>;
  numbers: Set<string>;
  words: Set<string>;
}

function sourceOf(profile: MatchProfile): Source {
  const facts = profileFacts(profile);
  const dates = profile.experiences.flatMap((item) => [item.start, item.end]);
  const text = [
    ...facts.map((item) => item.text),
    ...dates.filter((date) => date !== null && date !== "present").map((date) => String(date).slice(0, 4)),
    ...profile.education.flatMap((item) => [item.start?.slice(0, 4) ?? "", item.end?.slice(0, 4) ?? ""]),
  ].join("\n");
  return {
    technologies: new Set(facts.flatMap(technologyNames)),
    numbers: numbersIn(text),
    words: new Set(Array.from(text.matchAll(wordPattern), (match) => wordOf(match[0]).toLowerCase())),
  };
}

function inventedIn(text: string, source: Source): { code: RejectionCode; detail: string } | null {
  for (const mention of findTechnologies(text)) {
    if (!source.technologies.has(mention.name)) return { code: "new-skill", detail: mention.name };
  }
  for (const number of numbersIn(text)) {
    if (number !== "0" && number !== "1" && !source.numbers.has(number))
      return { code: "new-number", detail: number };
  }
  let previous = "";
  let previousEnd = 0;
  for (const match of text.matchAll(wordPattern)) {
    const token = wordOf(match[0]);
    const lower = token.toLowerCase();
    const gap = text.slice(previousEnd, match.index);
    const isOpening = previous === "" || gap.includes("\n") || /[.!?:;]$/u.test(gap.trimEnd());
    const before = previous;
    previous = lower;
    previousEnd = match.index + match[0].length;
    if (source.words.has(lower) || lower.length === 0) continue;
    if (titleWords.has(lower)) return { code: "new-title", detail: token };
    // "at acme", "joined Globex": a new word where an employer goes is an organisation, whatever its case.
    if ((before === "at" || before === "joined" || before === "for") && !notAnEmployer.has(lower)) {
      return { code: "new-name", detail: token };
    }
    if (/^\p{Lu}/u.test(token) && !(isOpening && sentenceStarters.test(token))) {
      return { code: "new-name", detail: token };
    }
  }
  return null;
}

function isPermutation(original: readonly string[], value: readonly string[]): boolean {
  if (original.length !== value.length) return false;
  const counts = new Map<string, number>();
  for (const item of original) counts.set(item, (counts.get(item) ?? 0) + 1);
  for (const item of value) {
    const count = counts.get(item) ?? 0;
    if (count === 0) return false;
    counts.set(item, count - 1);
  }
  return true;
}

function checkChange(
  profile: MatchProfile,
  change: Change,
  source: Source,
): Omit<Rejection, "change"> | null {
  const target = resolvePath(profile, change.path);
  if (target === null) return { code: "unknown-path", detail: change.path };
  const current = valueAt(profile, target);
  const originalMatches = JSON.stringify(current) === JSON.stringify(change.original);
  if (target.kind === "sections") {
    if (change.action !== "reorder") return { code: "bad-action", detail: change.action };
  } else if (!originalMatches) {
    return { code: "stale-original", detail: change.path };
  }
  if (change.action === "reorder") {
    if (!Array.isArray(current) || !Array.isArray(change.value) || !Array.isArray(change.original)) {
      return { code: "bad-action", detail: "reorder needs a list" };
    }
    const base = target.kind === "sections" ? change.original : current;
    if (!isPermutation(base, change.value) || (target.kind === "sections" && !isPermutation(current, base))) {
      return { code: "loses-content", detail: `reorder of ${change.path} adds or drops items` };
    }
    return null;
  }
  if (change.action === "remove") {
    // Only a bullet may go; removing a whole section, skill or project loses content.
    if (target.kind !== "bullet" || change.value !== null)
      return { code: "loses-content", detail: change.path };
    return null;
  }
  if (typeof change.value !== "string" || Array.isArray(current) || target.kind === "sections") {
    return { code: "bad-action", detail: "replace needs a text" };
  }
  if (change.value.trim().length === 0) return { code: "loses-content", detail: change.path };
  const invented = inventedIn(change.value, source);
  return invented;
}

/**
 * The blocking verifier, independent of whoever generated the changes (deterministic tailoring, an LLM,
 * a client). A change is rejected when its path names nothing in `profile`, its `original` is not what
 * the profile holds (stale), it drops or adds items in a reorder, it removes anything but a bullet, or
 * its new text introduces a technology, number (normalised: "30,000" = "30k"; "65%" ≠ "65"), job-title
 * word or capitalised name (organisation, product, title) the source profile does not contain.
 * Attested skills are part of the source. Every rejection says why.
 */
export function verifyChanges(
  profile: MatchProfile,
  changes: readonly Change[],
): { accepted: Change[]; rejected: Rejection[] } {
  const source = sourceOf(profile);
  const accepted: Change[] = [];
  const rejected: Rejection[] = [];
  for (const change of changes) {
    const problem = checkChange(profile, change, source);
    if (problem === null) accepted.push(change);
    else rejected.push({ change, ...problem });
  }
  return { accepted, rejected };
}
