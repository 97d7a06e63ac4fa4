import { profileFactLabels } from "../ask/fact-labels";
import type {
  Evidence,
  MatchScore,
  MatchStatus,
  Requirement,
  RequirementKind,
  RequirementWeight,
} from "./types";

/** How each requirement kind reads to a user (`@vitae/matching`'s closed list). */
export const kindLabels: Record<RequirementKind, string> = {
  skill: "Skill",
  tool: "Tool",
  certification: "Certification",
  years: "Experience",
  degree: "Degree",
  language: "Language",
  responsibility: "Duty",
};

export const weightLabels: Record<RequirementWeight, string> = {
  must: "Must have",
  nice: "Nice to have",
};

export const statusLabels: Record<MatchStatus, string> = {
  met: "Met",
  partial: "Partly met",
  missing: "Missing",
};

/** A posting as people name it: "Data Engineer at Acme", falling back when title or company is absent. */
export function postingName(posting: { title: string | null; company: string | null }): string {
  const { title, company } = posting;
  if (title !== null && company !== null) return `${title} at ${company}`;
  if (title !== null) return title;
  if (company !== null) return `Posting at ${company}`;
  return "Untitled posting";
}

/** What a highlighted span stands for, in words: "Must have · Tool · Kubernetes". */
export function requirementDescription(requirement: Requirement): string {
  const parts = [weightLabels[requirement.weight], kindLabels[requirement.kind]];
  parts.push(requirement.canonical ?? requirement.text);
  return parts.join(" · ");
}

/** One line of the match table: the posting's requirement joined with its verdict. */
export interface MatchRow {
  requirement: Requirement;
  status: MatchStatus;
  evidence: Evidence[];
  points: number;
  earned: number;
}

const statusRank: Record<MatchStatus, number> = { missing: 0, partial: 1, met: 2 };
const weightRank: Record<RequirementWeight, number> = { must: 0, nice: 1 };

/**
 * The match table: musts before nice-to-haves, and within each the missing first, then partly met, then
 * met — so what stands between the profile and the job is at the top. Posting order breaks ties.
 * Requirements the score does not mention are left out (the score names every requirement it scored).
 */
export function matchRows(requirements: readonly Requirement[], score: MatchScore): MatchRow[] {
  const verdicts = new Map(score.requirements.map((entry) => [entry.requirementId, entry]));
  const rows: MatchRow[] = [];
  for (const requirement of requirements) {
    const verdict = verdicts.get(requirement.id);
    if (verdict === undefined) continue;
    rows.push({
      requirement,
      status: verdict.status,
      evidence: verdict.evidence,
      points: verdict.points,
      earned: verdict.earned,
    });
  }
  return rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        weightRank[a.row.requirement.weight] - weightRank[b.row.requirement.weight] ||
        statusRank[a.row.status] - statusRank[b.row.status] ||
        a.index - b.index,
    )
    .map(({ row }) => row);
}

function formatPoints(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** "1.5 of 3 points"; scores are sums of halves, so one decimal is exact. */
export function pointsText(earned: number, points: number): string {
  return `${formatPoints(earned)} of ${formatPoints(points)} ${points === 1 ? "point" : "points"}`;
}

/** One weight's share of the score in words: "3 of 5 met, 1 partly met, 1 missing". */
export function breakdownText(bucket: { met: number; partial: number; missing: number }): string {
  const total = bucket.met + bucket.partial + bucket.missing;
  if (total === 0) return "None in this posting";
  const parts = [`${bucket.met} of ${total} met`];
  if (bucket.partial > 0) parts.push(`${bucket.partial} partly met`);
  if (bucket.missing > 0) parts.push(`${bucket.missing} missing`);
  return parts.join(", ");
}

/** Evidence in words: what matched, and every fact of the profile it was found in. */
export interface EvidenceLine {
  /** The words of the profile that matched ("Python", "10 years"). */
  matched: string;
  /** Where they were found ("Senior Data Engineer at Brightline Health", "Skills"), never by id. */
  sources: Array<{ factId: string; label: string }>;
}

/**
 * Readable names of a profile's facts for evidence: Ask's labels, except that a skill is found in the
 * skills list ("“Python” in Skills" rather than "“Python” in Python").
 */
export function matchFactLabels(profile: Parameters<typeof profileFactLabels>[0]): Map<string, string> {
  const labels = new Map(profileFactLabels(profile));
  for (const skill of profile.skills) labels.set(skill.id, "Skills");
  return labels;
}

/**
 * Evidence for the table, one line per matched text with the facts it was found in (each once), named by
 * `labels`; a fact the profile no longer has (corrected since) is named generically, never by its id.
 */
export function evidenceLines(
  evidence: readonly Evidence[],
  labels: ReadonlyMap<string, string>,
): EvidenceLine[] {
  const lines = new Map<string, EvidenceLine>();
  for (const entry of evidence) {
    const line = lines.get(entry.text) ?? { matched: entry.text, sources: [] };
    lines.set(entry.text, line);
    if (line.sources.some((source) => source.factId === entry.factId)) continue;
    line.sources.push({ factId: entry.factId, label: labels.get(entry.factId) ?? "the profile" });
  }
  return [...lines.values()];
}
