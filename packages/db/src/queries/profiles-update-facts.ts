import { AppError } from "@vitae/errors";
import { and, eq, inArray, max, type SQL, sql } from "drizzle-orm";
import type { Database } from "../database";
import { education, experiences, profileSkills, projects } from "../schema";
import { experienceEndToColumns, yearMonthToDate } from "./profile-types";

/** A role added by hand (the fields of a parsed one; months `YYYY-MM`, an end may be `"present"`). */
export interface NewExperience {
  company: string;
  title: string;
  start: string | null;
  end: string | null;
  location?: string | null | undefined;
  bullets?: string[] | undefined;
}

/** A school added by hand. */
export interface NewEducation {
  school: string;
  degree?: string | null | undefined;
  field?: string | null | undefined;
  start?: string | null | undefined;
  end?: string | null | undefined;
}

/** A project added by hand. */
export interface NewProject {
  name: string;
  description?: string | null | undefined;
  url?: string | null | undefined;
  technologies?: string[] | undefined;
}

/** Facts added by hand; each goes after the profile's existing facts of its kind, in the order given. */
export interface ProfileAdditions {
  experiences?: NewExperience[] | undefined;
  education?: NewEducation[] | undefined;
  projects?: NewProject[] | undefined;
  /** Skill names as written; kept unlinked to the taxonomy (category `other`), like unknown parsed skills. */
  skills?: string[] | undefined;
}

/** A new order for a kind of fact: every id of that kind the profile has (after removals), each once. */
export interface ProfileOrder {
  experiences?: string[] | undefined;
  education?: string[] | undefined;
  projects?: string[] | undefined;
  skills?: string[] | undefined;
}

type FactTable = typeof experiences | typeof education | typeof projects | typeof profileSkills;

interface Owner {
  workspaceId: string;
  profileId: string;
}

const owned = (table: FactTable, owner: Owner) =>
  and(eq(table.profileId, owner.profileId), eq(table.workspaceId, owner.workspaceId));

async function nextPosition(tx: Database, table: FactTable, owner: Owner): Promise<number> {
  const [row] = await tx
    .select({ last: max(table.position) })
    .from(table)
    .where(owned(table, owner));
  return (row?.last ?? -1) + 1;
}

/**
 * Inserts `additions` under the profile (inside the caller's transaction) and returns the new ids by
 * kind. Throws `AppError("BAD_REQUEST")` for a month that is not `YYYY-MM`.
 */
export async function addProfileFacts(
  tx: Database,
  owner: Owner,
  additions: ProfileAdditions,
): Promise<{ experiences: string[]; education: string[] }> {
  const added = { experiences: [] as string[], education: [] as string[] };
  const base = { workspaceId: owner.workspaceId, profileId: owner.profileId };
  if (additions.experiences?.length) {
    const first = await nextPosition(tx, experiences, owner);
    const rows = await tx
      .insert(experiences)
      .values(
        additions.experiences.map((fact, index) => ({
          ...base,
          position: first + index,
          company: fact.company,
          title: fact.title,
          startMonth: yearMonthToDate(fact.start),
          ...experienceEndToColumns(fact.end),
          location: fact.location ?? null,
          bullets: fact.bullets ?? [],
        })),
      )
      .returning({ id: experiences.id });
    added.experiences = rows.map((row) => row.id);
  }
  if (additions.education?.length) {
    const first = await nextPosition(tx, education, owner);
    const rows = await tx
      .insert(education)
      .values(
        additions.education.map((fact, index) => ({
          ...base,
          position: first + index,
          school: fact.school,
          degree: fact.degree ?? null,
          field: fact.field ?? null,
          startMonth: yearMonthToDate(fact.start ?? null),
          endMonth: yearMonthToDate(fact.end ?? null),
        })),
      )
      .returning({ id: education.id });
    added.education = rows.map((row) => row.id);
  }
  if (additions.projects?.length) {
    const first = await nextPosition(tx, projects, owner);
    await tx.insert(projects).values(
      additions.projects.map((fact, index) => ({
        ...base,
        position: first + index,
        name: fact.name,
        description: fact.description ?? null,
        url: fact.url ?? null,
        technologies: fact.technologies ?? [],
      })),
    );
  }
  if (additions.skills?.length) {
    const first = await nextPosition(tx, profileSkills, owner);
    await tx.insert(profileSkills).values(
      additions.skills.map((name, index) => ({
        ...base,
        position: first + index,
        name,
        category: "other",
        raw: name,
      })),
    );
  }
  return added;
}

/**
 * Puts each kind named in `order` in that order (inside the caller's transaction). The list must hold
 * exactly the ids the profile has of that kind, each once, else `AppError("BAD_REQUEST")` — a stale
 * page must not silently drop or duplicate a fact's place.
 */
export async function reorderProfileFacts(tx: Database, owner: Owner, order: ProfileOrder): Promise<void> {
  const kinds: Array<[FactTable, string[] | undefined]> = [
    [experiences, order.experiences],
    [education, order.education],
    [projects, order.projects],
    [profileSkills, order.skills],
  ];
  for (const [table, ids] of kinds) {
    if (ids === undefined) continue;
    const existing = await tx.select({ id: table.id }).from(table).where(owned(table, owner));
    const known = new Set(existing.map((row) => row.id));
    if (new Set(ids).size !== ids.length || ids.length !== known.size || !ids.every((id) => known.has(id))) {
      throw new AppError("BAD_REQUEST", {
        message: "The new order must list every entry once; reload the profile and try again.",
      });
    }
    if (ids.length === 0) continue;
    const cases = sql.join(
      ids.map((id, position) => sql`when ${id}::uuid then ${position}::integer`),
      sql` `,
    );
    await tx
      .update(table)
      .set({ position: sql`case ${table.id} ${cases} end`, updatedAt: sql`now()` })
      .where(and(inArray(table.id, ids), owned(table, owner)));
  }
}

/**
 * Refuses (`AppError("BAD_REQUEST")`) a stored range of the given roles or schools that starts in the
 * future (after the current month, UTC) or ends before it starts — the rule of `dateRangeProblem` in
 * `@vitae/contracts`, checked on the rows as stored, so a patch changing only one end is judged with
 * the other.
 */
export async function assertDateRanges(
  tx: Database,
  owner: Owner,
  ids: { experiences: string[]; education: string[] },
): Promise<void> {
  const thisMonth = sql`date_trunc('month', now() at time zone 'utc')::date`;
  const bad = (table: typeof experiences | typeof education, list: string[]): SQL =>
    and(
      inArray(table.id, list),
      owned(table, owner),
      sql`(${table.startMonth} > ${thisMonth} or ${table.endMonth} < ${table.startMonth})`,
    ) as SQL;
  const found = [
    ...(ids.experiences.length === 0
      ? []
      : await tx
          .select({ id: experiences.id, startMonth: experiences.startMonth })
          .from(experiences)
          .where(bad(experiences, ids.experiences))),
    ...(ids.education.length === 0
      ? []
      : await tx
          .select({ id: education.id, startMonth: education.startMonth })
          .from(education)
          .where(bad(education, ids.education))),
  ];
  if (found.length > 0) {
    throw new AppError("BAD_REQUEST", {
      message: "A start cannot be in the future, and an end cannot be before its start.",
    });
  }
}
