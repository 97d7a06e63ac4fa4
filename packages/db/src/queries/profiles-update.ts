import { AppError } from "@vitae/errors";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../database";
import { education, experiences, profileSkills, profiles, projects } from "../schema";
import { isUuid } from "./ids";
import { experienceEndToColumns, type ProfileView, yearMonthToDate } from "./profile-types";
import { getProfileVersion, getProfileView } from "./profiles-read";
import {
  addProfileFacts,
  assertDateRanges,
  type ProfileAdditions,
  type ProfileOrder,
  reorderProfileFacts,
} from "./profiles-update-facts";

/**
 * An edit of one experience: its `id` and the fields to change (absent fields are kept). Months are
 * `YYYY-MM` strings, checked here, so zod output from an API input can be passed as it is.
 */
export interface ExperiencePatch {
  id: string;
  company?: string | undefined;
  title?: string | undefined;
  start?: string | null | undefined;
  /** A month, `"present"` (a current role) or `null`. */
  end?: string | null | undefined;
  location?: string | null | undefined;
  bullets?: string[] | undefined;
  technologies?: string[] | undefined;
}

/** An edit of one education entry (see {@link ExperiencePatch}). */
export interface EducationPatch {
  id: string;
  school?: string | undefined;
  degree?: string | null | undefined;
  field?: string | null | undefined;
  start?: string | null | undefined;
  end?: string | null | undefined;
}

/** An edit of one project (see {@link ExperiencePatch}). */
export interface ProjectPatch {
  id: string;
  name?: string | undefined;
  description?: string | null | undefined;
  url?: string | null | undefined;
  technologies?: string[] | undefined;
}

/**
 * Owner corrections to a profile. Top-level and contact fields (flat, like the columns) that are present
 * replace the stored value (`null` clears); `languages` replaces the spoken languages; facts are edited
 * or removed by id, put in a new order (`order`) and added (`add`, after the existing ones), applied
 * in that sequence: an order lists the facts left after this patch's removals.
 */
export interface ProfilePatch {
  name?: string | null | undefined;
  headline?: string | null | undefined;
  summary?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  location?: string | null | undefined;
  links?: string[] | undefined;
  languages?: Array<{ name: string; level: string | null }> | undefined;
  experiences?: ExperiencePatch[] | undefined;
  education?: EducationPatch[] | undefined;
  projects?: ProjectPatch[] | undefined;
  remove?:
    | {
        experiences?: string[] | undefined;
        education?: string[] | undefined;
        projects?: string[] | undefined;
        skills?: string[] | undefined;
      }
    | undefined;
  add?: ProfileAdditions | undefined;
  order?: ProfileOrder | undefined;
}

/** What a conditional correction (`expectedVersion`) says when the profile changed since that version. */
const staleVersionMessage =
  "This profile was changed after that save, so it was left as it is. Reload to see the latest version.";

/** Drops keys whose value is `undefined`, so "absent" never overwrites a column. */
function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function monthColumn(value: string | null | undefined): string | null | undefined {
  return value === undefined ? undefined : yearMonthToDate(value);
}

function allIds(patch: ProfilePatch): string[] {
  const edits = [...(patch.experiences ?? []), ...(patch.education ?? []), ...(patch.projects ?? [])];
  const removals = Object.values(patch.remove ?? {}).flatMap((ids) => ids ?? []);
  const ordered = Object.values(patch.order ?? {}).flatMap((ids) => ids ?? []);
  return [...edits.map((edit) => edit.id), ...removals, ...ordered];
}

/**
 * Applies `patch` to profile `profileId` of `workspaceId` in one transaction and returns the updated view.
 * Every fact id must belong to this profile: an id of another profile or workspace, or a malformed one,
 * throws `AppError("NOT_FOUND")` and nothing is changed — as does a missing profile. A month that is not
 * `YYYY-MM`, a start after the current month or an end before its start (of an edited or added role or
 * school, as stored after the patch), or an order that does not list every fact of its kind once throws
 * `AppError("BAD_REQUEST")`, also leaving nothing changed. Generated search vectors follow the edits.
 *
 * With `expectedVersion` (a `getProfileVersion` value) the patch applies only while the profile is still
 * at that version: a correction saved since (by anyone) makes it throw `AppError("CONFLICT")`, changing
 * nothing. The check is the UPDATE's own condition, re-evaluated under the row lock, so a concurrent
 * correction cannot slip between the check and the write.
 */
export async function updateProfile(
  db: Database,
  params: {
    workspaceId: string;
    profileId: string;
    patch: ProfilePatch;
    expectedVersion?: string | undefined;
  },
): Promise<ProfileView> {
  const { workspaceId, profileId, patch, expectedVersion } = params;
  if (!isUuid(workspaceId) || !isUuid(profileId) || !allIds(patch).every(isUuid)) {
    throw new AppError("NOT_FOUND");
  }
  // Conversions first: a bad month is rejected before anything is written.
  const experienceEdits = (patch.experiences ?? []).map((edit) => ({
    id: edit.id,
    values: defined({
      company: edit.company,
      title: edit.title,
      startMonth: monthColumn(edit.start),
      ...(edit.end === undefined ? {} : experienceEndToColumns(edit.end)),
      location: edit.location,
      bullets: edit.bullets,
      technologies: edit.technologies,
    }),
  }));
  const educationEdits = (patch.education ?? []).map((edit) => ({
    id: edit.id,
    values: defined({
      school: edit.school,
      degree: edit.degree,
      field: edit.field,
      startMonth: monthColumn(edit.start),
      endMonth: monthColumn(edit.end),
    }),
  }));
  const projectEdits = (patch.projects ?? []).map((edit) => ({
    id: edit.id,
    values: defined({
      name: edit.name,
      description: edit.description,
      url: edit.url,
      technologies: edit.technologies,
    }),
  }));

  return db.transaction(async (tx) => {
    // Always touches updated_at, which also proves the profile exists in this workspace.
    const [profile] = await tx
      .update(profiles)
      .set({
        ...defined({
          name: patch.name,
          headline: patch.headline,
          summary: patch.summary,
          email: patch.email,
          phone: patch.phone,
          location: patch.location,
          links: patch.links,
          spokenLanguages: patch.languages,
        }),
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(profiles.id, profileId),
          eq(profiles.workspaceId, workspaceId),
          expectedVersion === undefined ? undefined : sql`${profiles.updatedAt}::text = ${expectedVersion}`,
        ),
      )
      .returning({ id: profiles.id });
    if (profile === undefined) {
      if (expectedVersion !== undefined && (await getProfileVersion(tx, { workspaceId, profileId }))) {
        throw new AppError("CONFLICT", { message: staleVersionMessage });
      }
      throw new AppError("NOT_FOUND");
    }

    const owned = (table: typeof experiences | typeof education | typeof projects | typeof profileSkills) =>
      and(eq(table.profileId, profileId), eq(table.workspaceId, workspaceId));
    const mustExist = (rows: unknown[], expected = 1) => {
      // Throwing rolls the whole transaction back: a foreign id never leaves a partial edit behind.
      if (rows.length !== expected) throw new AppError("NOT_FOUND");
    };

    for (const edit of experienceEdits) {
      const rows = await tx
        .update(experiences)
        .set({ ...edit.values, updatedAt: sql`now()` })
        .where(and(eq(experiences.id, edit.id), owned(experiences)))
        .returning({ id: experiences.id });
      mustExist(rows);
    }
    for (const edit of educationEdits) {
      const rows = await tx
        .update(education)
        .set({ ...edit.values, updatedAt: sql`now()` })
        .where(and(eq(education.id, edit.id), owned(education)))
        .returning({ id: education.id });
      mustExist(rows);
    }
    for (const edit of projectEdits) {
      const rows = await tx
        .update(projects)
        .set({ ...edit.values, updatedAt: sql`now()` })
        .where(and(eq(projects.id, edit.id), owned(projects)))
        .returning({ id: projects.id });
      mustExist(rows);
    }

    const removals = [
      [experiences, patch.remove?.experiences],
      [education, patch.remove?.education],
      [projects, patch.remove?.projects],
      [profileSkills, patch.remove?.skills],
    ] as const;
    for (const [table, ids] of removals) {
      if (ids === undefined || ids.length === 0) continue;
      const unique = [...new Set(ids)];
      const rows = await tx
        .delete(table)
        .where(and(inArray(table.id, unique), owned(table)))
        .returning({ id: table.id });
      mustExist(rows, unique.length);
    }

    const owner = { workspaceId, profileId };
    if (patch.order !== undefined) await reorderProfileFacts(tx, owner, patch.order);
    const added = patch.add === undefined ? undefined : await addProfileFacts(tx, owner, patch.add);
    await assertDateRanges(tx, owner, {
      experiences: [...experienceEdits.map((edit) => edit.id), ...(added?.experiences ?? [])],
      education: [...educationEdits.map((edit) => edit.id), ...(added?.education ?? [])],
    });

    const view = await getProfileView(tx, { workspaceId, profileId });
    if (view === undefined) throw new AppError("NOT_FOUND");
    return view;
  });
}
