import { AppError } from "@vitae/errors";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../database";
import { profileAttestations, profiles } from "../schema";
import { isUuid } from "./ids";
import type { Profile } from "./profile-types";
import {
  insertProfileFacts,
  prepareProfileFacts,
  profileColumns,
  type SaveProfileParams,
} from "./profiles-save";

/** Parameters of {@link insertProfileVersion}. */
export interface InsertProfileVersionParams {
  workspaceId: string;
  /** The profile this version was tailored from (its document, parser and attestations carry over). */
  parentProfileId: string;
  tailoringId: string;
  /** The whole new content: every fact is stored anew under the new profile. */
  profile: Profile;
  /** The section order tailoring chose. */
  sectionOrder: string[];
  resolveTechnology?: SaveProfileParams["resolveTechnology"];
}

/**
 * Stores a tailored version of profile `parentProfileId` as a NEW profile (`source = 'tailored'`, linked
 * to its parent and its tailoring) with all its facts and a copy of the parent's attestations, and
 * returns its id. The parent is not touched. Call inside the confirming transaction; it locks the parent
 * row, so a concurrent correction of the parent waits. `NOT_FOUND` for a missing or foreign parent;
 * `CONFLICT` when the tailoring was already confirmed.
 */
export async function insertProfileVersion(
  db: Database,
  params: InsertProfileVersionParams,
): Promise<string> {
  const { workspaceId } = params;
  if (!isUuid(workspaceId) || !isUuid(params.parentProfileId)) throw new AppError("NOT_FOUND");
  const facts = prepareProfileFacts(workspaceId, params.profile, params.resolveTechnology);
  const [parent] = await db
    .select({
      documentId: profiles.documentId,
      parser: profiles.parser,
      parserVersion: profiles.parserVersion,
    })
    .from(profiles)
    .where(and(eq(profiles.id, params.parentProfileId), eq(profiles.workspaceId, workspaceId)))
    .for("update");
  if (parent === undefined) throw new AppError("NOT_FOUND");
  const [inserted] = await db
    .insert(profiles)
    .values({
      workspaceId,
      ...parent,
      ...profileColumns(params.profile),
      source: "tailored",
      parentProfileId: params.parentProfileId,
      tailoringId: params.tailoringId,
      sectionOrder: params.sectionOrder,
    })
    .onConflictDoNothing({ target: profiles.tailoringId })
    .returning({ id: profiles.id });
  if (inserted === undefined)
    throw new AppError("CONFLICT", { message: "This tailoring was already confirmed." });
  await insertProfileFacts(db, inserted.id, facts);
  await db.execute(sql`
    insert into ${profileAttestations} (workspace_id, profile_id, skill, note, created_by)
    select workspace_id, ${inserted.id}, skill, note, created_by from ${profileAttestations}
    where profile_id = ${params.parentProfileId} and workspace_id = ${workspaceId}`);
  return inserted.id;
}
