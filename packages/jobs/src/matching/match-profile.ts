import type { ProfileAttestation, ProfileView } from "@vitae/db";
import type { Attestation, MatchProfile } from "@vitae/matching";

/**
 * The stored profile as `@vitae/matching` reads it: the view Ask uses (its fact ids included) and the
 * skills the user attested, nothing else — no storage columns, so hashes of it change only with content.
 */
export function matchProfileOf(
  view: ProfileView,
  attestations: readonly ProfileAttestation[] = [],
): MatchProfile {
  return {
    id: view.id,
    name: view.name,
    headline: view.headline,
    summary: view.summary,
    contact: view.contact,
    experiences: view.experiences,
    education: view.education,
    projects: view.projects,
    skills: view.skills,
    attestations: attestationsOf(attestations),
  };
}

/** Stored attestations as `@vitae/matching` reads them (each cites its own id as evidence). */
export function attestationsOf(
  attestations: readonly Pick<ProfileAttestation, "id" | "skill" | "note">[],
): Attestation[] {
  return attestations.map((attestation) => ({
    id: attestation.id,
    skill: attestation.skill,
    ...(attestation.note === null ? {} : { note: attestation.note }),
  }));
}
