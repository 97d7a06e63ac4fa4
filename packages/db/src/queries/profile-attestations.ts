import { AppError } from "@vitae/errors";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../database";
import { profileAttestations, profiles } from "../schema";
import { isUuid } from "./ids";

/** One attested skill of a profile; `id` is the fact id evidence cites. */
export interface ProfileAttestation {
  id: string;
  profileId: string;
  skill: string;
  note: string | null;
  createdAt: Date;
}

/** The most attestations one profile may carry: bounds what every score of it reads. */
export const attestationsPerProfileMax = 100;

const columns = {
  id: profileAttestations.id,
  profileId: profileAttestations.profileId,
  skill: profileAttestations.skill,
  note: profileAttestations.note,
  createdAt: profileAttestations.createdAt,
};

/**
 * Records that profile `profileId` has `skill`, and bumps the profile's version (`updated_at`) so every
 * cache keyed by it (match scores) sees the new evidence. Attesting a skill twice returns the first
 * attestation unchanged (`created: false`). Takes a transaction, so the caller's audit row commits
 * with it. `NOT_FOUND` for a missing or foreign profile; `CONFLICT` past {@link attestationsPerProfileMax}.
 */
export async function insertAttestation(
  db: Database,
  params: {
    workspaceId: string;
    profileId: string;
    skill: string;
    note: string | null;
    createdBy: string | null;
  },
): Promise<{ attestation: ProfileAttestation; created: boolean }> {
  if (!isUuid(params.workspaceId) || !isUuid(params.profileId)) throw new AppError("NOT_FOUND");
  // Locks the profile: concurrent attestations of one profile count and insert one at a time.
  const [profile] = await db
    .select({ id: profiles.id })
    .from(profiles)
    .where(and(eq(profiles.id, params.profileId), eq(profiles.workspaceId, params.workspaceId)))
    .for("update");
  if (profile === undefined) throw new AppError("NOT_FOUND");
  const [existing] = await db
    .select(columns)
    .from(profileAttestations)
    .where(
      and(eq(profileAttestations.profileId, params.profileId), eq(profileAttestations.skill, params.skill)),
    );
  if (existing !== undefined) return { attestation: existing, created: false };
  const [counted] = await db
    .select({ value: count() })
    .from(profileAttestations)
    .where(eq(profileAttestations.profileId, params.profileId));
  if ((counted?.value ?? 0) >= attestationsPerProfileMax) {
    throw new AppError("CONFLICT", {
      message: `A profile can carry at most ${attestationsPerProfileMax} attested skills.`,
    });
  }
  const [row] = await db.insert(profileAttestations).values(params).returning(columns);
  if (row === undefined) throw new AppError("INTERNAL", { cause: new Error("insert returned no row") });
  await db
    .update(profiles)
    .set({ updatedAt: sql`clock_timestamp()` })
    .where(eq(profiles.id, params.profileId));
  return { attestation: row, created: true };
}

/**
 * The attestations of the given profiles of `workspaceId` (oldest first per profile), grouped by profile
 * id; foreign and malformed ids get none.
 */
export async function listAttestations(
  db: Database,
  params: { workspaceId: string; profileIds: readonly string[] },
): Promise<Map<string, ProfileAttestation[]>> {
  const grouped = new Map<string, ProfileAttestation[]>();
  const ids = params.profileIds.filter(isUuid);
  if (!isUuid(params.workspaceId) || ids.length === 0) return grouped;
  const rows = await db
    .select(columns)
    .from(profileAttestations)
    .where(
      and(
        eq(profileAttestations.workspaceId, params.workspaceId),
        inArray(profileAttestations.profileId, ids),
      ),
    )
    .orderBy(asc(profileAttestations.createdAt), asc(profileAttestations.id));
  for (const row of rows) {
    const list = grouped.get(row.profileId) ?? [];
    list.push(row);
    grouped.set(row.profileId, list);
  }
  return grouped;
}
