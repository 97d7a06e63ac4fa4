import type { Profile } from "../../src/profile";
import type { ResumeLabel } from "./labels";

/** The fields `eval:parse` scores, in report order. */
export const scoredFields = [
  "name",
  "headline",
  "company",
  "title",
  "start",
  "end",
  "school",
  "degree",
  "field",
  "year",
  "skills",
  "projects",
  "languages",
  "certifications",
] as const;
export type ScoredField = (typeof scoredFields)[number];

/** Counts for precision (tp / predicted) and recall (tp / gold). */
export interface Tally {
  tp: number;
  predicted: number;
  gold: number;
}
export type Scores = Record<ScoredField, Tally>;

export const emptyScores = (): Scores =>
  Object.fromEntries(scoredFields.map((field) => [field, { tp: 0, predicted: 0, gold: 0 }])) as Scores;

export function addScores(into: Scores, from: Scores): void {
  for (const field of scoredFields) {
    into[field].tp += from[field].tp;
    into[field].predicted += from[field].predicted;
    into[field].gold += from[field].gold;
  }
}

/** Case, accent-composition, punctuation and spacing do not count; the words do. */
export const norm = (text: string | null | undefined) =>
  (text ?? "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

// "Dr." and "Prof." are honorifics, not the name: either form counts as the name.
const withoutHonorifics = (text: string) => norm(text).replace(/^(?:(?:dr|prof|professor)\s+)+/u, "");

function single(
  tally: Tally,
  predicted: string | null,
  gold: string,
  same: (a: string, b: string) => boolean,
) {
  tally.gold += 1;
  if (predicted === null || predicted.trim() === "") return;
  tally.predicted += 1;
  if (same(predicted, gold)) tally.tp += 1;
}

function sets(tally: Tally, predicted: readonly string[], gold: readonly string[]) {
  const goldSet = new Set(gold.map(norm));
  const predictedSet = new Set(predicted.map(norm));
  tally.gold += goldSet.size;
  tally.predicted += predictedSet.size;
  for (const value of predictedSet) if (goldSet.has(value)) tally.tp += 1;
}

/**
 * Pairs gold entries with predicted ones (greedy, by how many fields agree), so a field is right only
 * on the entry it belongs to: a swapped company and title score on neither.
 */
function align<G, P>(
  gold: readonly G[],
  predicted: readonly P[],
  agreement: (g: G, p: P) => number,
): Array<[G, P | undefined]> {
  const free = new Set(predicted.map((_, index) => index));
  return gold.map((entry) => {
    let best = -1;
    let bestScore = 0;
    for (const index of free) {
      const score = agreement(entry, predicted[index] as P);
      if (score > bestScore) {
        best = index;
        bestScore = score;
      }
    }
    if (best < 0) return [entry, undefined];
    free.delete(best);
    return [entry, predicted[best]];
  });
}

function count(
  tally: Tally,
  pairs: ReadonlyArray<[unknown, unknown]>,
  predictedCount: number,
  same: (pair: [never, never]) => boolean,
) {
  tally.gold += pairs.length;
  tally.predicted += predictedCount;
  for (const pair of pairs) if (pair[1] !== undefined && same(pair as [never, never])) tally.tp += 1;
}

/** Scores one parsed profile against its label. */
export function scoreProfile(label: ResumeLabel, profile: Profile): Scores {
  const scores = emptyScores();
  single(scores.name, profile.name, label.name, (a, b) => withoutHonorifics(a) === withoutHonorifics(b));
  single(scores.headline, profile.headline, label.headline, (a, b) => norm(a) === norm(b));

  type GoldJob = ResumeLabel["experiences"][number];
  type Job = Profile["experiences"][number];
  const jobs = align<GoldJob, Job>(
    label.experiences,
    profile.experiences,
    (g, p) =>
      2 * Number(norm(g.company) === norm(p.company)) +
      2 * Number(norm(g.title) === norm(p.title)) +
      Number(g.start === p.start) +
      Number(g.end === p.end),
  );
  const experiences = profile.experiences;
  count(
    scores.company,
    jobs,
    experiences.length,
    ([g, p]: [GoldJob, Job]) => norm(g.company) === norm(p.company),
  );
  count(scores.title, jobs, experiences.length, ([g, p]: [GoldJob, Job]) => norm(g.title) === norm(p.title));
  count(
    scores.start,
    jobs,
    experiences.filter((job) => job.start !== null).length,
    ([g, p]: [GoldJob, Job]) => g.start === p.start,
  );
  count(
    scores.end,
    jobs,
    experiences.filter((job) => job.end !== null).length,
    ([g, p]: [GoldJob, Job]) => g.end === p.end,
  );

  type GoldSchool = ResumeLabel["education"][number];
  type School = Profile["education"][number];
  const yearOf = (entry: School) => entry.end?.slice(0, 4) ?? entry.start?.slice(0, 4) ?? null;
  const schools = align<GoldSchool, School>(
    label.education,
    profile.education,
    (g, p) =>
      2 * Number(norm(g.school) === norm(p.school)) +
      Number(norm(g.degree) === norm(p.degree)) +
      Number(g.year === yearOf(p)),
  );
  const education = profile.education;
  count(
    scores.school,
    schools,
    education.length,
    ([g, p]: [GoldSchool, School]) => norm(g.school) === norm(p.school),
  );
  count(
    scores.degree,
    schools,
    education.filter((entry) => entry.degree !== null).length,
    ([g, p]: [GoldSchool, School]) => norm(g.degree) === norm(p.degree),
  );
  count(
    scores.field,
    schools,
    education.filter((entry) => entry.field !== null).length,
    ([g, p]: [GoldSchool, School]) => norm(g.field) === norm(p.field),
  );
  count(
    scores.year,
    schools,
    education.filter((entry) => yearOf(entry) !== null).length,
    ([g, p]: [GoldSchool, School]) => g.year === yearOf(p),
  );

  sets(
    scores.skills,
    profile.skills.map((skill) => skill.name),
    label.skills,
  );
  sets(
    scores.projects,
    profile.projects.map((project) => project.name),
    label.projects.map((project) => project.name),
  );
  // A spoken language counts with its level: "German (native)" is not "German (basic)".
  sets(
    scores.languages,
    (profile.languages ?? []).map((spoken) => `${spoken.name} ${spoken.level ?? ""}`),
    label.languages.map((spoken) => `${spoken.name} ${spoken.level}`),
  );
  sets(scores.certifications, profile.certifications ?? [], label.certifications);
  return scores;
}

/** F1 of a tally (1 when there is nothing to find and nothing was found). */
export function f1Of(tally: Tally): { precision: number; recall: number; f1: number } {
  const precision = tally.predicted === 0 ? (tally.gold === 0 ? 1 : 0) : tally.tp / tally.predicted;
  const recall = tally.gold === 0 ? 1 : tally.tp / tally.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
