import { and, asc, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "../database";
import { type ProfileSource, profiles } from "../schema";
import { isUuid } from "./ids";
import { dateToYearMonth, type ProfileView } from "./profile-types";

interface ExperienceJson {
  id: string;
  company: string;
  title: string;
  startMonth: string | null;
  endMonth: string | null;
  isCurrent: boolean;
  location: string | null;
  bullets: string[];
  technologies: string[];
}

interface EducationJson {
  id: string;
  school: string;
  degree: string | null;
  field: string | null;
  startMonth: string | null;
  endMonth: string | null;
}

interface ProjectJson {
  id: string;
  name: string;
  description: string | null;
  url: string | null;
  technologies: string[];
}

interface SkillJson {
  id: string;
  name: string;
  category: string;
  raw: string;
}

/** Both drivers parse `json` results, but a driver configured without parsers would hand over text. */
function jsonArray<T>(value: unknown): T[] {
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? (parsed as T[]) : [];
}

/**
 * `json_agg` of one fact table's rows of the outer `profiles` row, in résumé order. Written as raw SQL
 * with an alias because drizzle leaves columns unqualified in a single-table select, which would turn
 * the correlation `f.profile_id = profiles.id` into a comparison within the fact table.
 */
function factsJson(table: string, fields: Record<string, string>): SQL {
  const pairs = Object.entries(fields)
    .map(([key, column]) => `'${key}', f.${column}`)
    .join(", ");
  return sql.raw(
    `coalesce((select json_agg(json_build_object(${pairs}) order by f.position, f.id) ` +
      `from ${table} f where f.profile_id = profiles.id), '[]'::json)`,
  );
}

// Facts are aggregated in the same statement as the profile, so a view is one consistent snapshot even
// while a re-parse replaces the profile (and costs one round trip instead of five).
const experiencesJson = factsJson("experiences", {
  id: "id",
  company: "company",
  title: "title",
  startMonth: "start_month",
  endMonth: "end_month",
  isCurrent: "is_current",
  location: "location",
  bullets: "bullets",
  technologies: "technologies",
});
const educationJson = factsJson("education", {
  id: "id",
  school: "school",
  degree: "degree",
  field: "field",
  startMonth: "start_month",
  endMonth: "end_month",
});
const projectsJson = factsJson("projects", {
  id: "id",
  name: "name",
  description: "description",
  url: "url",
  technologies: "technologies",
});
const skillsJson = factsJson("profile_skills", { id: "id", name: "name", category: "category", raw: "raw" });

async function readProfileViews(db: Database, where: SQL | undefined, limit: number): Promise<ProfileView[]> {
  const rows = await db
    .select({
      id: profiles.id,
      documentId: profiles.documentId,
      name: profiles.name,
      headline: profiles.headline,
      summary: profiles.summary,
      email: profiles.email,
      phone: profiles.phone,
      location: profiles.location,
      links: profiles.links,
      languages: profiles.spokenLanguages,
      certifications: profiles.certifications,
      awards: profiles.awards,
      publications: profiles.publications,
      volunteering: profiles.volunteering,
      parser: profiles.parser,
      parserVersion: profiles.parserVersion,
      createdAt: profiles.createdAt,
      updatedAt: profiles.updatedAt,
      experiences: experiencesJson,
      education: educationJson,
      projects: projectsJson,
      skills: skillsJson,
    })
    .from(profiles)
    .where(where)
    .orderBy(asc(profiles.id))
    .limit(limit);
  return rows.map((row) => ({
    id: row.id,
    documentId: row.documentId,
    parser: row.parser,
    parserVersion: row.parserVersion,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    name: row.name,
    headline: row.headline,
    summary: row.summary,
    contact: { email: row.email, phone: row.phone, location: row.location, links: row.links },
    languages: row.languages,
    certifications: row.certifications,
    awards: row.awards,
    publications: row.publications,
    volunteering: row.volunteering,
    experiences: jsonArray<ExperienceJson>(row.experiences).map((fact) => ({
      id: fact.id,
      company: fact.company,
      title: fact.title,
      start: dateToYearMonth(fact.startMonth),
      end: fact.isCurrent ? "present" : dateToYearMonth(fact.endMonth),
      location: fact.location,
      bullets: fact.bullets,
      technologies: fact.technologies,
    })),
    education: jsonArray<EducationJson>(row.education).map((fact) => ({
      id: fact.id,
      school: fact.school,
      degree: fact.degree,
      field: fact.field,
      start: dateToYearMonth(fact.startMonth),
      end: dateToYearMonth(fact.endMonth),
    })),
    projects: jsonArray<ProjectJson>(row.projects).map((fact) => ({
      id: fact.id,
      name: fact.name,
      description: fact.description,
      url: fact.url,
      technologies: fact.technologies,
    })),
    skills: jsonArray<SkillJson>(row.skills).map((fact) => ({
      id: fact.id,
      name: fact.name,
      category: fact.category,
      raw: fact.raw,
    })),
  }));
}

async function readProfileView(db: Database, where: SQL | undefined): Promise<ProfileView | undefined> {
  return (await readProfileViews(db, where, 1))[0];
}

/**
 * Profile `profileId` of `workspaceId` with every fact (in résumé order, each with its id), or `undefined`
 * when there is none — including another workspace's profile and a malformed id.
 */
export function getProfileView(
  db: Database,
  params: { workspaceId: string; profileId: string },
): Promise<ProfileView | undefined> {
  if (!isUuid(params.workspaceId) || !isUuid(params.profileId)) return Promise.resolve(undefined);
  return readProfileView(
    db,
    and(eq(profiles.id, params.profileId), eq(profiles.workspaceId, params.workspaceId)),
  );
}

/** Like {@link getProfileView}, for the profile parsed from document `documentId` (not a tailored version). */
export function getProfileViewByDocument(
  db: Database,
  params: { workspaceId: string; documentId: string },
): Promise<ProfileView | undefined> {
  if (!isUuid(params.workspaceId) || !isUuid(params.documentId)) return Promise.resolve(undefined);
  return readProfileView(
    db,
    and(
      eq(profiles.documentId, params.documentId),
      eq(profiles.workspaceId, params.workspaceId),
      eq(profiles.source, "parsed"),
    ),
  );
}

/**
 * The version of profile `profileId` of `workspaceId`: its `updated_at` as Postgres prints it (full
 * microsecond precision, unlike a JS `Date`), which every correction and every re-parse changes. Cheap
 * (no facts are read): the key of caches derived from the profile. `undefined` when missing, malformed
 * or another workspace's.
 */
export async function getProfileVersion(
  db: Database,
  params: { workspaceId: string; profileId: string },
): Promise<string | undefined> {
  if (!isUuid(params.workspaceId) || !isUuid(params.profileId)) return undefined;
  let prepared = preparedGetProfileVersion.get(db);
  if (prepared === undefined) {
    prepared = prepareGetProfileVersion(db);
    preparedGetProfileVersion.set(db, prepared);
  }
  const [row] = await prepared.execute(params);
  return row?.version;
}

function prepareGetProfileVersion(db: Database) {
  // Named and prepared: every question asked of a profile reads its version (the profile view cache key).
  return db
    .select({ version: sql<string>`${profiles.updatedAt}::text` })
    .from(profiles)
    .where(
      and(
        eq(profiles.id, sql`${sql.placeholder("profileId")}::uuid`),
        eq(profiles.workspaceId, sql`${sql.placeholder("workspaceId")}::uuid`),
      ),
    )
    .limit(1)
    .prepare("vitae_get_profile_version");
}

const preparedGetProfileVersion = new WeakMap<Database, ReturnType<typeof prepareGetProfileVersion>>();

/** Parameters of {@link listProfileViews}. */
export interface ListProfileViewsParams {
  workspaceId: string;
  /**
   * Only these profiles, parsed or tailored (ids of other workspaces and malformed ids are skipped); when
   * omitted, every parsed profile — one per document, so tailored versions do not count twice.
   */
  profileIds?: readonly string[] | undefined;
  /** The last id of the previous page: pages are ordered by id. */
  afterId?: string | undefined;
  /** Page size (1–1000). */
  limit: number;
}

/**
 * One page of `workspaceId`'s profiles with every fact, ordered by id: for work over many profiles (a
 * ranking) that must not hold them all in memory nor read them one query each.
 */
export function listProfileViews(db: Database, params: ListProfileViewsParams): Promise<ProfileView[]> {
  if (!isUuid(params.workspaceId)) return Promise.resolve([]);
  const limit = Math.min(Math.max(Math.trunc(params.limit), 1), 1000);
  const conditions: SQL[] = [eq(profiles.workspaceId, params.workspaceId)];
  if (params.profileIds !== undefined) {
    const ids = params.profileIds.filter(isUuid);
    if (ids.length === 0) return Promise.resolve([]);
    conditions.push(inArray(profiles.id, ids));
  } else {
    conditions.push(eq(profiles.source, "parsed"));
  }
  if (params.afterId !== undefined && isUuid(params.afterId))
    conditions.push(gt(profiles.id, params.afterId));
  return readProfileViews(db, and(...conditions), limit);
}

/** Where a profile came from (see `profiles.source`). */
export interface ProfileLineage {
  source: ProfileSource;
  parentProfileId: string | null;
  tailoringId: string | null;
  sectionOrder: string[] | null;
}

/** The lineage of profile `profileId` of `workspaceId`; `undefined` when missing, malformed or foreign. */
export async function getProfileLineage(
  db: Database,
  params: { workspaceId: string; profileId: string },
): Promise<ProfileLineage | undefined> {
  if (!isUuid(params.workspaceId) || !isUuid(params.profileId)) return undefined;
  const [row] = await db
    .select({
      source: profiles.source,
      parentProfileId: profiles.parentProfileId,
      tailoringId: profiles.tailoringId,
      sectionOrder: profiles.sectionOrder,
    })
    .from(profiles)
    .where(and(eq(profiles.id, params.profileId), eq(profiles.workspaceId, params.workspaceId)))
    .limit(1);
  return row;
}
