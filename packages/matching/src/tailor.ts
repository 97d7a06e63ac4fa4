import { findTechnologies, normalizeTechnology } from "@vitae/taxonomy";
import type { Change } from "./changes";
import { kindFactor, weightPoints } from "./score";
import { type MatchProfile, type Requirement, type SectionName, sectionNames } from "./types";
import { contentWords } from "./vocabulary";

/** How much a text serves the posting: the points of the requirements it speaks to, and which ones. */
function relevance(text: string, requirements: readonly Requirement[]): { points: number; ids: string[] } {
  const names = new Set(findTechnologies(text).map((mention) => mention.name));
  const normalized = normalizeTechnology(text)?.name;
  if (normalized !== undefined) names.add(normalized);
  const words = new Set(contentWords(text));
  let points = 0;
  const ids: string[] = [];
  for (const requirement of requirements) {
    const hit =
      requirement.canonical !== null && requirement.kind !== "degree"
        ? names.has(requirement.canonical)
        : requirement.kind === "responsibility" &&
          contentWords(requirement.text).filter((word) => words.has(word)).length >= 2;
    if (hit) {
      points += weightPoints[requirement.weight] * kindFactor[requirement.kind];
      ids.push(requirement.id);
    }
  }
  return { points, ids };
}

function orderBy<T>(items: readonly T[], score: (item: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index, score: score(item) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.item);
}

const same = (a: readonly string[], b: readonly string[]) => a.every((item, index) => item === b[index]);

/**
 * Deterministic tailoring: reorders each experience's bullets, the skills, the projects and the sections
 * by relevance to the requirements, and (with `shorten`, the default) proposes removing bullets that
 * speak to no requirement from experiences with more than `keepBullets` bullets. Never removes a
 * section, never adds text. Ids are `c1…cN`, stable for the same inputs.
 */
export function proposeChanges(
  profile: MatchProfile,
  requirements: readonly Requirement[],
  options: { shorten?: boolean; keepBullets?: number } = {},
): Change[] {
  const keepBullets = options.keepBullets ?? 3;
  const changes: Change[] = [];
  const add = (change: Omit<Change, "id">) => changes.push({ id: `c${changes.length + 1}`, ...change });
  const sectionPoints: Record<SectionName, number> = {
    summary: 0,
    experiences: 0,
    projects: 0,
    skills: 0,
    education: 0,
  };

  for (const experience of profile.experiences) {
    const scored = experience.bullets.map((bullet) => ({ bullet, ...relevance(bullet, requirements) }));
    sectionPoints.experiences += scored.reduce((sum, entry) => sum + entry.points, 0);
    const ordered = orderBy(scored, (entry) => entry.points);
    const value = ordered.map((entry) => entry.bullet);
    if (!same(value, experience.bullets)) {
      add({
        path: `experiences/${experience.id}/bullets`,
        action: "reorder",
        original: [...experience.bullets],
        value,
        reason: "Bullets that match the posting come first.",
        requirementIds: [...new Set(ordered.flatMap((entry) => entry.ids))],
      });
    }
    // Without requirements nothing is irrelevant, so nothing is cut.
    if (options.shorten === false || requirements.length === 0) continue;
    ordered.slice(keepBullets).forEach((entry) => {
      if (entry.points > 0) return;
      const index = experience.bullets.indexOf(entry.bullet);
      add({
        path: `experiences/${experience.id}/bullets/${index}`,
        action: "remove",
        original: entry.bullet,
        value: null,
        reason: "This bullet speaks to no requirement of the posting.",
        requirementIds: [],
      });
    });
  }

  const skillScores = new Map(profile.skills.map((skill) => [skill.id, relevance(skill.name, requirements)]));
  sectionPoints.skills = [...skillScores.values()].reduce((sum, entry) => sum + entry.points, 0);
  const skills = orderBy(profile.skills, (skill) => skillScores.get(skill.id)?.points ?? 0).map(
    (skill) => skill.id,
  );
  if (
    !same(
      skills,
      profile.skills.map((skill) => skill.id),
    )
  ) {
    add({
      path: "skills",
      action: "reorder",
      original: profile.skills.map((skill) => skill.id),
      value: skills,
      reason: "Skills the posting asks for come first.",
      requirementIds: [...new Set([...skillScores.values()].flatMap((entry) => entry.ids))],
    });
  }

  const projectScores = new Map(
    profile.projects.map((project) => [
      project.id,
      relevance([project.name, project.description ?? "", ...project.technologies].join(", "), requirements),
    ]),
  );
  sectionPoints.projects = [...projectScores.values()].reduce((sum, entry) => sum + entry.points, 0);
  const projects = orderBy(profile.projects, (project) => projectScores.get(project.id)?.points ?? 0).map(
    (p) => p.id,
  );
  if (
    !same(
      projects,
      profile.projects.map((project) => project.id),
    )
  ) {
    add({
      path: "projects",
      action: "reorder",
      original: profile.projects.map((project) => project.id),
      value: projects,
      reason: "Projects that use what the posting asks for come first.",
      requirementIds: [...new Set([...projectScores.values()].flatMap((entry) => entry.ids))],
    });
  }

  // The summary stays on top; the other sections follow by how much of the posting they speak to.
  const order: SectionName[] = ["summary", ...orderBy(sectionNames.slice(1), (name) => sectionPoints[name])];
  if (!same(order, sectionNames)) {
    add({
      path: "sections",
      action: "reorder",
      original: [...sectionNames],
      value: order,
      reason: "Sections that match the posting most come first.",
      requirementIds: [],
    });
  }
  return changes;
}
