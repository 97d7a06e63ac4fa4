import { type Change, resolvePath } from "./changes";
import { scoreProfile } from "./score";
import { type MatchProfile, type Requirement, type SectionName, sectionNames } from "./types";
import { type Rejection, verifyChanges } from "./verify";

function byOrder<T>(items: readonly T[], keyOf: (item: T) => string, order: readonly string[]): T[] {
  const position = new Map(order.map((key, index) => [key, index]));
  return items
    .map((item, index) => ({ item, index, rank: position.get(keyOf(item)) ?? order.length + index }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.item);
}

// Edits address items by value or id (never by a position another change may have moved), so accepted
// changes compose in any order.
function applyOne(
  profile: MatchProfile,
  sections: SectionName[],
  base: MatchProfile,
  change: Change,
): SectionName[] {
  const target = resolvePath(base, change.path);
  if (target === null) return sections;
  const value = change.value;
  switch (target.kind) {
    case "sections":
      return Array.isArray(value) ? (value as SectionName[]) : sections;
    case "skills":
      profile.skills = byOrder(profile.skills, (skill) => skill.id, value as string[]);
      return sections;
    case "projects":
      profile.projects = byOrder(profile.projects, (project) => project.id, value as string[]);
      return sections;
    case "summary":
    case "headline":
      profile[target.kind] = value as string;
      return sections;
    case "project-description": {
      const project = profile.projects.find((item) => item.id === target.projectId);
      if (project !== undefined) project.description = value as string;
      return sections;
    }
  }
  const experience = profile.experiences.find((item) => item.id === target.experienceId);
  if (experience === undefined) return sections;
  if (target.kind === "bullets") {
    experience.bullets = byOrder(experience.bullets, (bullet) => bullet, value as string[]);
  } else {
    const index = experience.bullets.indexOf(change.original as string);
    if (index >= 0 && change.action === "remove") experience.bullets.splice(index, 1);
    if (index >= 0 && change.action === "replace") experience.bullets[index] = value as string;
  }
  return sections;
}

export interface AppliedTailoring {
  /** A new profile; the one passed in is never modified. */
  profile: MatchProfile;
  sectionOrder: SectionName[];
  /** Accepted changes with what each alone does to the score (applied to the base profile). */
  changes: Array<Change & { scoreDelta: number }>;
  /** Changes the verifier refused; they are not applied. */
  rejected: Rejection[];
  scoreBefore: number;
  scoreAfter: number;
}

/**
 * Applies changes to a profile, purely: every change first goes through `verifyChanges` against
 * `profile` and only accepted ones are applied, to a deep copy. Returns the new profile, the section
 * order, each accepted change's own score delta, and the score before and after all of them.
 */
export function applyChanges(
  profile: MatchProfile,
  changes: readonly Change[],
  options: { requirements: readonly Requirement[]; today: Date },
): AppliedTailoring {
  const { accepted, rejected } = verifyChanges(profile, changes);
  const scoreOf = (candidate: MatchProfile) => scoreProfile(candidate, options.requirements, options).score;
  const scoreBefore = scoreOf(profile);
  const applyAll = (list: readonly Change[]) => {
    const next = structuredClone(profile);
    let sections: SectionName[] = [...sectionNames];
    for (const change of list) sections = applyOne(next, sections, profile, change);
    return { next, sections };
  };
  const withDeltas = accepted.map((change) => ({
    ...change,
    scoreDelta: change.action === "reorder" ? 0 : scoreOf(applyAll([change]).next) - scoreBefore,
  }));
  const { next, sections } = applyAll(accepted);
  return {
    profile: next,
    sectionOrder: sections,
    changes: withDeltas,
    rejected,
    scoreBefore,
    scoreAfter: scoreOf(next),
  };
}
