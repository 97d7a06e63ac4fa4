import { AppError } from "@vitae/errors";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../database";
import {
  documents,
  education,
  experiences,
  type ProfileParser,
  profileParsers,
  profileSkills,
  profiles,
  projects,
  technologies,
} from "../schema";
import { isUuid } from "./ids";
import { experienceEndToColumns, type Profile, yearMonthToDate } from "./profile-types";

/** A technology as the taxonomy names it; what {@link SaveProfileParams.resolveTechnology} returns. */
export interface CanonicalTechnology {
  name: string;
  category: string;
}

/** Parameters of {@link saveProfile}. */
export interface SaveProfileParams {
  workspaceId: string;
  documentId: string;
  /** A validated profile (`profileSchema` of `@vitae/documents`). */
  profile: Profile;
  parser: ProfileParser;
  parserVersion: string;
  /**
   * Tells which skills the taxonomy knows (pass `@vitae/taxonomy`'s `normalizeTechnology`): those are
   * upserted into the global `technologies` table and linked; the rest are kept unlinked. Omitted → no
   * skill is linked. Only taxonomy names may enter that cross-tenant table, never a tenant's free text.
   */
  resolveTechnology?: ((name: string) => CanonicalTechnology | null | undefined) | undefined;
}

/**
 * Stores `profile` as the profile of document `documentId` and returns its id. Replaces any previous
 * profile of the document (its facts go by cascade) in ONE transaction: a failure part-way leaves the
 * previous profile untouched. Concurrent saves for one document are serialised by a row lock on the
 * document. Fact ids are new on every save.
 *
 * Throws `AppError("NOT_FOUND")` when the document does not exist in `workspaceId`, and
 * `AppError("BAD_REQUEST")` for a month that is not `YYYY-MM` or an unknown parser.
 */
export async function saveProfile(db: Database, params: SaveProfileParams): Promise<string> {
  const { workspaceId, documentId, profile } = params;
  if (!isUuid(workspaceId) || !isUuid(documentId)) throw new AppError("NOT_FOUND");
  if (!profileParsers.includes(params.parser)) {
    throw new AppError("BAD_REQUEST", { message: `Unknown parser "${params.parser}".` });
  }
  // Everything that can be rejected without the database is checked before the transaction opens.
  const facts = prepareProfileFacts(workspaceId, profile, params.resolveTechnology);

  return db.transaction(async (tx) => {
    const [document] = await tx
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.id, documentId), eq(documents.workspaceId, workspaceId)))
      .for("update");
    if (document === undefined) throw new AppError("NOT_FOUND");

    // Only the parsed profile is replaced: tailored versions of it are the user's and stay.
    await tx
      .delete(profiles)
      .where(
        and(
          eq(profiles.documentId, documentId),
          eq(profiles.workspaceId, workspaceId),
          eq(profiles.source, "parsed"),
        ),
      );
    const [inserted] = await tx
      .insert(profiles)
      .values({
        workspaceId,
        documentId,
        ...profileColumns(profile),
        parser: params.parser,
        parserVersion: params.parserVersion,
      })
      .returning({ id: profiles.id });
    if (inserted === undefined)
      throw new AppError("INTERNAL", { cause: new Error("insert returned no row") });
    await insertProfileFacts(tx, inserted.id, facts);
    return inserted.id;
  });
}

/** The `profiles` columns of a profile's top-level fields. */
export function profileColumns(profile: Profile) {
  return {
    name: profile.name,
    headline: profile.headline,
    summary: profile.summary,
    email: profile.contact.email,
    phone: profile.contact.phone,
    location: profile.contact.location,
    links: profile.contact.links,
    spokenLanguages: profile.languages ?? [],
    certifications: profile.certifications ?? [],
    awards: profile.awards ?? [],
    publications: profile.publications ?? [],
    volunteering: profile.volunteering ?? [],
  };
}

/** A profile's fact rows, checked (months) and ready to insert under any profile id. */
export type PreparedProfileFacts = ReturnType<typeof prepareProfileFacts>;

/**
 * Builds the fact rows of `profile` without touching the database; throws `AppError("BAD_REQUEST")` for
 * a month that is not `YYYY-MM`.
 */
export function prepareProfileFacts(
  workspaceId: string,
  profile: Profile,
  resolveTechnology: SaveProfileParams["resolveTechnology"],
) {
  const experienceRows = profile.experiences.map((fact, position) => ({
    workspaceId,
    position,
    company: fact.company,
    title: fact.title,
    startMonth: yearMonthToDate(fact.start),
    ...experienceEndToColumns(fact.end),
    location: fact.location,
    bullets: fact.bullets,
    technologies: fact.technologies,
  }));
  const educationRows = profile.education.map((fact, position) => ({
    workspaceId,
    position,
    school: fact.school,
    degree: fact.degree,
    field: fact.field,
    startMonth: yearMonthToDate(fact.start),
    endMonth: yearMonthToDate(fact.end),
  }));
  const projectRows = profile.projects.map((fact, position) => ({
    workspaceId,
    position,
    name: fact.name,
    description: fact.description,
    url: fact.url,
    technologies: fact.technologies,
  }));
  const known = new Map<string, CanonicalTechnology>();
  const skillRows = profile.skills.map((skill, position) => {
    const technology = resolveTechnology?.(skill.name) ?? undefined;
    if (technology !== undefined) known.set(technology.name, technology);
    return {
      workspaceId,
      position,
      name: skill.name,
      category: skill.category,
      raw: skill.raw,
      technologyName: technology?.name,
    };
  });
  return { experienceRows, educationRows, projectRows, skillRows, known };
}

/** Inserts prepared facts under profile `profileId` (inside the caller's transaction). */
export async function insertProfileFacts(
  tx: Database,
  profileId: string,
  facts: PreparedProfileFacts,
): Promise<void> {
  const { experienceRows, educationRows, projectRows, skillRows, known } = facts;
  if (experienceRows.length > 0) {
    await tx.insert(experiences).values(experienceRows.map((row) => ({ ...row, profileId })));
  }
  if (educationRows.length > 0) {
    await tx.insert(education).values(educationRows.map((row) => ({ ...row, profileId })));
  }
  if (projectRows.length > 0) {
    await tx.insert(projects).values(projectRows.map((row) => ({ ...row, profileId })));
  }
  const technologyIds = new Map<string, string>();
  if (known.size > 0) {
    // Sorted, so concurrent saves take the catalogue's row locks in the same order (no deadlock).
    const values = [...known.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const rows = await tx
      .insert(technologies)
      .values(values.map((technology) => ({ name: technology.name, category: technology.category })))
      // An update (not "do nothing") so RETURNING yields existing rows too; the taxonomy's category wins.
      .onConflictDoUpdate({ target: technologies.name, set: { category: sql`excluded.category` } })
      .returning({ id: technologies.id, name: technologies.name });
    for (const row of rows) technologyIds.set(row.name, row.id);
  }
  if (skillRows.length > 0) {
    await tx.insert(profileSkills).values(
      skillRows.map(({ technologyName, ...row }) => ({
        ...row,
        profileId,
        technologyId: technologyName === undefined ? null : (technologyIds.get(technologyName) ?? null),
      })),
    );
  }
}
