import { z } from "zod";
import { type MatchProfile, type SectionName, sectionNames } from "./types";

/** What a change does: rewrite one text, reorder a list, or remove one bullet. */
export const changeActions = ["replace", "reorder", "remove"] as const;
export type ChangeAction = (typeof changeActions)[number];

/**
 * One proposed edit of a profile — never a rewritten document. Paths name items by id, so changes
 * compose in any order:
 * - `sections` (reorder; `value` = section names)
 * - `skills` / `projects` (reorder; `value` = ids)
 * - `experiences/<id>/bullets` (reorder; `value` = the bullets' texts in the new order)
 * - `experiences/<id>/bullets/<n>` (replace or remove; `original` = that bullet's text)
 * - `summary` / `headline` / `projects/<id>/description` (replace)
 */
export interface Change {
  id: string;
  path: string;
  action: ChangeAction;
  original: string | string[] | null;
  value: string | string[] | null;
  reason: string;
  requirementIds: string[];
}

/** Validates a `Change` arriving from outside (a client's accepted list, a stored tailoring). */
export const changeSchema: z.ZodType<Change> = z.object({
  id: z.string().min(1).max(100),
  path: z.string().min(1).max(300),
  action: z.enum(changeActions),
  original: z.union([z.string().max(4000), z.array(z.string().max(4000)).max(300), z.null()]),
  value: z.union([z.string().max(4000), z.array(z.string().max(4000)).max(300), z.null()]),
  reason: z.string().max(1000),
  requirementIds: z.array(z.string().max(100)).max(100),
});

/** Where a path points, resolved against one profile; null when it names nothing there. */
export type Target =
  | { kind: "sections" }
  | { kind: "skills" }
  | { kind: "projects" }
  | { kind: "bullets"; experienceId: string }
  | { kind: "bullet"; experienceId: string; index: number }
  | { kind: "summary" }
  | { kind: "headline" }
  | { kind: "project-description"; projectId: string };

/** Resolves a change path against a profile; null when the path is malformed or names nothing. */
export function resolvePath(profile: MatchProfile, path: string): Target | null {
  if (path === "sections" || path === "skills" || path === "projects") return { kind: path };
  if (path === "summary" || path === "headline") return profile[path] === null ? null : { kind: path };
  const parts = path.split("/");
  if (parts[0] === "experiences" && parts[2] === "bullets") {
    const experience = profile.experiences.find((item) => item.id === parts[1]);
    if (experience === undefined) return null;
    if (parts.length === 3) return { kind: "bullets", experienceId: experience.id };
    const index = Number(parts[3]);
    if (parts.length !== 4 || !Number.isInteger(index) || index < 0 || index >= experience.bullets.length)
      return null;
    return { kind: "bullet", experienceId: experience.id, index };
  }
  if (parts[0] === "projects" && parts[2] === "description" && parts.length === 3) {
    const project = profile.projects.find((item) => item.id === parts[1]);
    return project === undefined || project.description === null
      ? null
      : { kind: "project-description", projectId: project.id };
  }
  return null;
}

/** The current value at a target (what a change's `original` must equal). */
export function valueAt(
  profile: MatchProfile,
  target: Target,
  sectionOrder: readonly SectionName[] = sectionNames,
): string | string[] | null {
  switch (target.kind) {
    case "sections":
      return [...sectionOrder];
    case "skills":
      return profile.skills.map((skill) => skill.id);
    case "projects":
      return profile.projects.map((project) => project.id);
    case "bullets":
      return [...(profile.experiences.find((item) => item.id === target.experienceId)?.bullets ?? [])];
    case "bullet":
      return (
        profile.experiences.find((item) => item.id === target.experienceId)?.bullets[target.index] ?? null
      );
    case "summary":
      return profile.summary;
    case "headline":
      return profile.headline;
    case "project-description":
      return profile.projects.find((item) => item.id === target.projectId)?.description ?? null;
  }
}
