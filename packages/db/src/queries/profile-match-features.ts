import { and, asc, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "../database";
import { profileAttestations, profileMatchFeatures, profiles } from "../schema";
import { isUuid } from "./ids";
import type { ProfileAttestation } from "./profile-attestations";

/**
 * One profile of a ranking page: its version, its stored match features when they are current, and its
 * attestations (which are not part of the features).
 */
export interface RankableProfile {
  id: string;
  /** `profiles.updated_at::text`, as `getProfileVersion` reads it. */
  version: string;
  /**
   * The stored features of exactly this version and features version, as JSON text (the reader parses
   * each when it needs it); null when missing or stale.
   */
  features: string | null;
  /** Its attested skills, oldest first (as `listAttestations` orders them). */
  attestations: Pick<ProfileAttestation, "id" | "skill" | "note">[];
}

/** Parameters of {@link listRankableProfiles}. */
export interface ListRankableProfilesParams {
  workspaceId: string;
  /** Only these profiles (foreign and malformed ids skipped); null: every parsed profile, as rankings do. */
  profileIds: readonly string[] | null;
  /** The last id of the previous page: pages are ordered by id. */
  afterId?: string | undefined;
  /** Page size (1–5000). */
  limit: number;
  /** The features version the reader understands; stored features of another version count as missing. */
  featuresVersion: string;
}

/**
 * One page of the profiles a ranking covers — the same set as `countRankableProfiles` — with only what
 * scoring needs: id, version, the current stored features (one column, no fact tables read) and the
 * attestations, read in the same statement so a page costs one round trip.
 */
export async function listRankableProfiles(
  db: Database,
  params: ListRankableProfilesParams,
): Promise<RankableProfile[]> {
  if (!isUuid(params.workspaceId)) return [];
  const limit = Math.min(Math.max(Math.trunc(params.limit), 1), 5000);
  const conditions: SQL[] = [eq(profiles.workspaceId, params.workspaceId)];
  if (params.profileIds !== null) {
    const ids = params.profileIds.filter(isUuid);
    if (ids.length === 0) return [];
    conditions.push(inArray(profiles.id, ids));
  } else {
    conditions.push(eq(profiles.source, "parsed"));
  }
  if (params.afterId !== undefined && isUuid(params.afterId))
    conditions.push(gt(profiles.id, params.afterId));
  const rows = await db
    .select({
      id: profiles.id,
      version: sql<string>`${profiles.updatedAt}::text`,
      features: sql<string | null>`${profileMatchFeatures.features}::text`,
      // Served by the (profile_id, skill) unique index; null for the many profiles with none.
      attestations: sql<RankableProfile["attestations"] | null>`(
        select json_agg(json_build_object('id', a.id, 'skill', a.skill, 'note', a.note)
                        order by a.created_at, a.id)
        from ${profileAttestations} a
        where a.profile_id = ${profiles.id} and a.workspace_id = ${profiles.workspaceId})`,
    })
    .from(profiles)
    .leftJoin(
      profileMatchFeatures,
      and(
        eq(profileMatchFeatures.profileId, profiles.id),
        eq(profileMatchFeatures.profileVersion, sql`${profiles.updatedAt}::text`),
        eq(profileMatchFeatures.featuresVersion, params.featuresVersion),
      ),
    )
    .where(and(...conditions))
    .orderBy(asc(profiles.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, attestations: row.attestations ?? [] }));
}

/** Features computed for one profile version, as {@link storeProfileMatchFeatures} takes them. */
export interface ProfileMatchFeaturesRow {
  profileId: string;
  /** The version the features were computed from (read before the profile, so never newer than it). */
  profileVersion: string;
  features: unknown;
}

/**
 * Stores (or replaces) the match features of `workspaceId`'s profiles in one statement. A profile that is
 * gone or another workspace's is skipped rather than failing the batch: the features are a cache.
 */
export async function storeProfileMatchFeatures(
  db: Database,
  params: { workspaceId: string; featuresVersion: string; rows: readonly ProfileMatchFeaturesRow[] },
): Promise<void> {
  const rows = params.rows.filter((row) => isUuid(row.profileId));
  if (!isUuid(params.workspaceId) || rows.length === 0) return;
  // One JSON parameter unpacked by Postgres: a single round trip and statement whatever the batch size.
  const batch = JSON.stringify(
    rows.map((row) => ({ id: row.profileId, v: row.profileVersion, f: row.features })),
  );
  await db.execute(sql`
    insert into ${profileMatchFeatures} (profile_id, workspace_id, profile_version, features_version, features)
    select p.id, p.workspace_id, x.v, ${params.featuresVersion}, x.f
    from json_to_recordset(${batch}::json) as x(id uuid, v text, f json)
    join ${profiles} p on p.id = x.id and p.workspace_id = ${params.workspaceId}
    on conflict (profile_id) do update
      set profile_version = excluded.profile_version, features_version = excluded.features_version,
          features = excluded.features, updated_at = now()`);
}
