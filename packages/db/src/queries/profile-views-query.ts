import { asc, type SQL, sql } from "drizzle-orm";
import type { Database } from "../database";
import { profiles } from "../schema";
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

/**
 * Profiles matching `where` (at most `limit`, ordered by id) with every fact in résumé order, each fact
 * with its id, read in one statement. Internal to the package: callers go through the functions of
 * profiles-read.ts, which check ids and scope the query to a workspace.
 */
export async function readProfileViews(
  db: Database,
  where: SQL | undefined,
  limit: number,
): Promise<ProfileView[]> {
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
