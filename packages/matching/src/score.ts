import { normalizeTechnology, technologiesInFamily } from "@vitae/taxonomy";
import { hasWord, type ProfileFact, profileFacts, technologyWords, yearsCovered } from "./facts";
import { memoised } from "./memo";
import {
  type DegreeLevel,
  degreeLevels,
  type Evidence,
  type MatchProfile,
  type MatchStatus,
  type Requirement,
  type RequirementKind,
  type RequirementWeight,
  type YearMonth,
} from "./types";
import { contentWords, degreeLevelOf, fieldsOf } from "./vocabulary";

/** Bumped whenever a weight or a rule below changes, so cached scores are recomputed. */
export const scorerVersion = "match-1";

/** Points a requirement is worth, by weight (published in the README). */
export const weightPoints: Readonly<Record<RequirementWeight, number>> = { must: 3, nice: 1 };
/** Share of its points a requirement earns, by status. */
export const statusCredit: Readonly<Record<MatchStatus, number>> = { met: 1, partial: 0.5, missing: 0 };
/** Duties describe the job rather than gate it, so they count half. */
export const kindFactor: Readonly<Record<RequirementKind, number>> = {
  skill: 1,
  tool: 1,
  certification: 1,
  years: 1,
  degree: 1,
  language: 1,
  responsibility: 0.5,
};

/** One requirement's verdict: its status, the facts that support it, and the points it earned. */
export interface RequirementResult {
  requirementId: string;
  status: MatchStatus;
  /** At most five facts, strongest first. */
  evidence: Evidence[];
  points: number;
  earned: number;
}

/** The score of one profile against one posting, explained requirement by requirement. */
export interface ScoreResult {
  /** 0–100: earned points over possible points. 0 when the posting has no requirement. */
  score: number;
  scorerVersion: string;
  requirements: RequirementResult[];
  /** Ids of the requirements whose status is `missing`, musts first. */
  missing: string[];
  breakdown: Record<
    RequirementWeight,
    { points: number; earned: number; met: number; partial: number; missing: number }
  >;
}

// Families whose members do the same job, so knowing one transfers to another (MySQL ~ PostgreSQL,
// Kotlin ~ Java). Families of collaborators (containers: Docker vs Kubernetes) do not transfer.
const interchangeableFamilies: ReadonlySet<string> = new Set(["sql", "nosql", "jvm", "dotnet", "search"]);

// Depends on the taxonomy only, so it is computed once per technology, not once per profile.
const siblingCache = new Map<string, { siblings: ReadonlySet<string>; isUmbrella: boolean }>();

function siblingsOf(canonical: string): { siblings: ReadonlySet<string>; isUmbrella: boolean } {
  const cached = siblingCache.get(canonical);
  if (cached !== undefined) return cached;
  const required = normalizeTechnology(canonical);
  const families = (required?.families ?? []).filter((family) => interchangeableFamilies.has(family));
  // Only a sibling of the same category transfers: dbt (a tool) is in the SQL family but is no database.
  const siblings = new Set(
    families.flatMap((family) =>
      technologiesInFamily(family)
        .filter(
          (technology) => technology.category === required?.category || family === canonical.toLowerCase(),
        )
        .map((technology) => technology.name),
    ),
  );
  // "SQL" (the family's own name) is met by any member: PostgreSQL is SQL. A sibling (MySQL for
  // PostgreSQL) is transferable experience: partial.
  const entry = { siblings, isUmbrella: families.some((family) => family === canonical.toLowerCase()) };
  siblingCache.set(canonical, entry);
  return entry;
}

type Judgement = { status: MatchStatus; evidence: Evidence[] };
const missing: Judgement = { status: "missing", evidence: [] };

function judgeTechnology(canonical: string, facts: readonly ProfileFact[]): Judgement {
  const exact: Evidence[] = [];
  for (const item of facts) {
    const raw = technologyWords(item, canonical);
    if (raw !== undefined) exact.push({ factId: item.id, text: raw });
  }
  if (exact.length > 0) return { status: "met", evidence: exact };
  const { siblings, isUmbrella } = siblingsOf(canonical);
  if (siblings.size === 0) return missing;
  const related: Evidence[] = [];
  for (const item of facts) {
    const { technologies } = item;
    for (let index = 0; index < technologies.length; index += 2) {
      const name = technologies[index] as string;
      if (siblings.has(name)) related.push({ factId: item.id, text: technologies[index + 1] as string });
    }
  }
  if (related.length === 0) return missing;
  return { status: isUmbrella ? "met" : "partial", evidence: related };
}

// A requirement's distinct content words, in order, and each as `hasWord` looks it up (" word "): the
// same for every profile a posting is scored against.
const wantedWordsOf = memoised(5_000, (text: string) => {
  const words = [...new Set(contentWords(text))];
  return { words, spaced: words.map((word) => ` ${word} `) };
});

function judgeWords(text: string, facts: readonly ProfileFact[], metShare: number): Judgement {
  const wanted = wantedWordsOf(text);
  const wantedCount = wanted.words.length;
  if (wantedCount === 0) return missing;
  // The first fact with the most wanted words wins; its words are listed in the requirement's order.
  let best: ProfileFact | null = null;
  let bestCount = 0;
  for (const item of facts) {
    if (item.kind === "attestation" && wantedCount > 1) continue;
    let count = 0;
    for (const word of wanted.spaced) if (hasWord(item, word)) count += 1;
    if (count > bestCount) {
      best = item;
      bestCount = count;
    }
  }
  if (best === null) return missing;
  const share = bestCount / wantedCount;
  const status = share >= metShare ? "met" : share >= metShare / 2 ? "partial" : "missing";
  if (status === "missing") return missing;
  const found = best;
  const words = wanted.words.filter((_, index) => hasWord(found, wanted.spaced[index] as string));
  return { status, evidence: [{ factId: best.id, text: words.join(" ") }] };
}

function judgeYears(requirement: Requirement, facts: readonly ProfileFact[], today: YearMonth): Judgement {
  const wanted = requirement.minYears ?? 1;
  const canonical = requirement.canonical;
  const relevant = facts.filter(
    (item) =>
      item.kind === "experience" && (canonical === null || technologyWords(item, canonical) !== undefined),
  );
  const years = yearsCovered(relevant, today);
  if (relevant.length === 0) return missing;
  const status = years >= wanted ? "met" : years >= wanted / 2 ? "partial" : "missing";
  if (status === "missing") return missing;
  return { status, evidence: relevant.map((item) => ({ factId: item.id, text: `${years} years` })) };
}

const rank = (level: DegreeLevel) => degreeLevels.indexOf(level);

function judgeDegree(requirement: Requirement, facts: readonly ProfileFact[]): Judgement {
  const required = (requirement.canonical ?? "bachelor") as DegreeLevel;
  const fields = requirement.fields ?? [];
  let best: Judgement = missing;
  for (const item of facts) {
    if (item.kind !== "education") continue;
    const level = degreeLevelOf(item.text);
    if (level === null) continue;
    const levelOk = rank(level) >= rank(required);
    const fieldOk = fields.length === 0 || fieldsOf(item.text).some((field) => fields.includes(field));
    const evidence = [{ factId: item.id, text: item.text }];
    if (levelOk && fieldOk) return { status: "met", evidence };
    if (levelOk || (fieldOk && rank(level) + 1 >= rank(required))) best = { status: "partial", evidence };
  }
  return best;
}

function judgeLanguage(language: string, facts: readonly ProfileFact[]): Judgement {
  const having = facts.filter((item) => item.languages.includes(language));
  return having.length > 0
    ? { status: "met", evidence: having.map((item) => ({ factId: item.id, text: language })) }
    : missing;
}

// Whole words only: "CKAD" is another certification than "CKA". Compiled once per certification name.
const certificationPatternOf = memoised(1_000, (name: string) => {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}+])`, "iu");
});

function judgeCertification(name: string, facts: readonly ProfileFact[]): Judgement {
  const pattern = certificationPatternOf(name);
  const having = facts.filter((item) => pattern.test(item.text));
  return having.length > 0
    ? { status: "met", evidence: having.map((item) => ({ factId: item.id, text: name })) }
    : missing;
}

function judge(requirement: Requirement, facts: readonly ProfileFact[], today: YearMonth): Judgement {
  switch (requirement.kind) {
    case "skill":
    case "tool":
      return requirement.canonical === null
        ? judgeWords(requirement.text, facts, 1)
        : judgeTechnology(requirement.canonical, facts);
    case "years":
      return judgeYears(requirement, facts, today);
    case "degree":
      return judgeDegree(requirement, facts);
    case "language":
      return judgeLanguage(requirement.canonical ?? requirement.text, facts);
    case "certification":
      return judgeCertification(requirement.canonical ?? requirement.text, facts);
    case "responsibility":
      return judgeWords(requirement.text, facts, 0.5);
  }
}

/** `YYYY-MM` of a date in UTC. */
export function yearMonthOf(date: Date): YearMonth {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}` as YearMonth;
}

/**
 * Scores a profile against a posting's requirements. Deterministic: the same inputs (and `today`, which
 * stands for "present" in experience dates) give the same result, byte for byte. Each requirement earns
 * `weightPoints[weight] × kindFactor[kind] × statusCredit[status]`; the score is earned over possible
 * points, rounded to an integer 0–100. Evidence cites profile fact ids and the words that matched.
 */
export function scoreProfile(
  profile: MatchProfile,
  requirements: readonly Requirement[],
  options: { today: Date },
): ScoreResult {
  return scoreFacts(profileFacts(profile), requirements, options);
}

/** {@link scoreProfile} of a profile already flattened into facts (by `profileFacts` or stored features). */
export function scoreFacts(
  facts: readonly ProfileFact[],
  requirements: readonly Requirement[],
  options: { today: Date },
): ScoreResult {
  const today = yearMonthOf(options.today);
  const empty = () => ({ points: 0, earned: 0, met: 0, partial: 0, missing: 0 });
  const breakdown = { must: empty(), nice: empty() };
  const results = requirements.map((requirement): RequirementResult => {
    const { status, evidence } = judge(requirement, facts, today);
    const points = weightPoints[requirement.weight] * kindFactor[requirement.kind];
    const earned = points * statusCredit[status];
    const bucket = breakdown[requirement.weight];
    bucket.points += points;
    bucket.earned += earned;
    bucket[status] += 1;
    return { requirementId: requirement.id, status, evidence: evidence.slice(0, 5), points, earned };
  });
  const points = breakdown.must.points + breakdown.nice.points;
  const earned = breakdown.must.earned + breakdown.nice.earned;
  const weightOf = new Map(requirements.map((requirement) => [requirement.id, requirement.weight]));
  const missingIds = results
    .filter((result) => result.status === "missing")
    .sort(
      (a, b) =>
        Number(weightOf.get(a.requirementId) === "nice") - Number(weightOf.get(b.requirementId) === "nice"),
    )
    .map((result) => result.requirementId);
  return {
    score: points === 0 ? 0 : Math.round((100 * earned) / points),
    scorerVersion,
    requirements: results,
    missing: missingIds,
    breakdown,
  };
}
