import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../database";
import { jobPostings, profiles, tailorings } from "../schema";
import { isUuid } from "./ids";

/** The posting a tailored version was made for (`null` title/company when the posting had none). */
export interface TailoredFor {
  tailoringId: string;
  /** Null when the posting was deleted since. */
  postingId: string | null;
  title: string | null;
  company: string | null;
}

/** One tailored version of a profile, for the links from a profile to its versions. */
export interface TailoredVersion {
  profileId: string;
  /** Null when the tailoring (and so its posting) was deleted since. */
  tailoringId: string | null;
  postingId: string | null;
  title: string | null;
  company: string | null;
  createdAt: Date;
}

/**
 * The tailored versions of profile `profileId` of `workspaceId` (confirmed from its tailorings), oldest
 * first, each with the posting it was tailored for. Empty for a missing or foreign profile.
 */
export async function listTailoredVersions(
  db: Database,
  params: { workspaceId: string; profileId: string },
): Promise<TailoredVersion[]> {
  if (!isUuid(params.workspaceId) || !isUuid(params.profileId)) return [];
  const rows = await db
    .select({
      profileId: profiles.id,
      tailoringId: tailorings.id,
      postingId: jobPostings.id,
      title: jobPostings.title,
      company: jobPostings.company,
      createdAt: profiles.createdAt,
    })
    .from(profiles)
    .leftJoin(tailorings, eq(tailorings.id, profiles.tailoringId))
    .leftJoin(jobPostings, eq(jobPostings.id, tailorings.postingId))
    .where(and(eq(profiles.parentProfileId, params.profileId), eq(profiles.workspaceId, params.workspaceId)))
    .orderBy(asc(profiles.createdAt), asc(profiles.id));
  return rows;
}

/** The posting tailoring `tailoringId` of `workspaceId` was for; `undefined` when missing or foreign. */
export async function getTailoredFor(
  db: Database,
  params: { workspaceId: string; tailoringId: string },
): Promise<TailoredFor | undefined> {
  if (!isUuid(params.workspaceId) || !isUuid(params.tailoringId)) return undefined;
  const [row] = await db
    .select({
      tailoringId: tailorings.id,
      postingId: jobPostings.id,
      title: jobPostings.title,
      company: jobPostings.company,
    })
    .from(tailorings)
    .leftJoin(jobPostings, eq(jobPostings.id, tailorings.postingId))
    .where(and(eq(tailorings.id, params.tailoringId), eq(tailorings.workspaceId, params.workspaceId)))
    .limit(1);
  return row;
}
