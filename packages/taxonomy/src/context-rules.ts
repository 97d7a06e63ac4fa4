/**
 * Context rules for "contextual" spellings: forms that are also ordinary words, names or initials
 * ("Go", "R", "Swift", "Spring", "Chef", "Julia"). Such a form counts as a technology only when it is
 * written with the exact case of the data file, passes its own `rejectBefore`/`rejectAfter` guards, and
 * one of these holds (see README, "Context rules"):
 *
 * 1. it sits on a labelled skills line ("Skills: …", "Languages: …", "Tech stack: …");
 * 2. it is an item of a list — a separator (, ; / | • · ( ) or "and"/"or"/"&") on either side — and the
 *    same clause names another technology by an unambiguous spelling;
 * 3. a cue precedes it ("in", "using", "via", "experience with", "proficient in", "written in", …);
 * 4. a technology noun follows it ("Go services", "Helm charts", "Ruby developer", "Excel dashboards").
 */

const skillsLabel =
  /^\s*(?:[-–•*·▪]\s*)?(?:(?:core|technical|key|programming|primary)\s+)?(?:skills?|languages?|technolog(?:y|ies)|tech(?:nical)?\s*stack|stack|tools?|tooling|frameworks?|environment|platforms?|databases?|libraries|proficienc(?:y|ies)|expertise|competenc(?:y|ies)|tech)\b[^:\n]{0,30}:/i;

const separatorBefore = /(?:[,;/|•·(]|\band|\bor|&)\s*$/i;
const separatorAfter = /^\s*(?:[,;/|•·)]|and\b|or\b|&)/i;

const cueBefore =
  /(?:\b(?:in|using|via|experience (?:in|with)|experienced (?:in|with)|proficient (?:in|with)|proficiency (?:in|with)|knowledge of|written in|built (?:in|with)|coded in|programming in|developed in|skilled in|expertise in|fluent in|familiar with|based on|migrated (?:to|from))|:)\s*$/i;

const technologyNoun =
  /^\s+(?:developers?|engineers?|engineering|programmers?|programming|services?|microservices?|apis?|backends?|code(?:base)?|libraries|library|sdks?|apps?|applications?|modules?|ecosystem|runtime|scripts?|scripting|clusters?|pipelines?|jobs?|charts?|templates?|components?|tests?|stack|workers?|functions?|playbooks?|cookbooks?|recipes?|manifests?|notebooks?|dashboards?|macros?|queries|schemas?|servers?|projects?|plugins?|packages?|bindings|idioms|generics|concurrency|goroutines)\b/i;

// Clause boundaries: a line break, or sentence punctuation followed by whitespace ("Node.js" stays whole).
const clauseBoundary = /\n|[.!?;](?=\s)/g;

/** Offsets of every clause boundary in `text`, ascending (computed once per text). */
export function clauseBoundaries(text: string): number[] {
  return [...text.matchAll(clauseBoundary)].map((match) => match.index);
}

/** The [start, end) of the clause around an offset range, by binary search over `boundaries`. */
export function clauseAround(boundaries: readonly number[], length: number, start: number): [number, number] {
  let low = 0;
  let high = boundaries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((boundaries[middle] ?? 0) < start) low = middle + 1;
    else high = middle;
  }
  const before = boundaries[low - 1];
  return [before === undefined ? 0 : before + 1, boundaries[low] ?? length];
}

// The first characters of the line holding `start`, if that line starts within the last KiB (a skills
// label sits at the start of its line; bounding the look-back keeps long single-line inputs linear).
function lineHead(text: string, start: number): string {
  const from = Math.max(0, start - 1024);
  const newline = text.slice(from, start).lastIndexOf("\n");
  if (newline === -1 && from > 0) return "";
  const lineStart = newline === -1 ? 0 : from + newline + 1;
  return text.slice(lineStart, Math.min(lineStart + 80, text.length)).split("\n")[0] ?? "";
}

/** Whether a contextual mention at [start, end) has a technology context; `hasNeighbour` says whether its clause names another technology. */
export function hasTechnologyContext(
  text: string,
  start: number,
  end: number,
  hasNeighbour: boolean,
): boolean {
  if (skillsLabel.test(lineHead(text, start))) return true;
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 40);
  if (hasNeighbour && (separatorBefore.test(before) || separatorAfter.test(after))) return true;
  if (cueBefore.test(before)) return true;
  return technologyNoun.test(after);
}
