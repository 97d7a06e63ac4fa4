import { and, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "../database";
import { type ProfileSource, profiles } from "../schema";
import { isUuid } from "./ids";
import type { ProfileView } from "./profile-types";
import { readProfileViews } from "./profile-views-query";

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
