/**
 * Where the Match pages live. Sub-pages need a first path segment of their own (`sections.ts`), so one
 * posting is under `/posting/…` while the list is the section at `/postings`.
 */
export const postingsPath = "/postings";

export function postingPath(postingId: string): string {
  return `/posting/${encodeURIComponent(postingId)}`;
}

/** The match view of one profile against one posting. */
export function matchViewPath(postingId: string, profileId: string): string {
  return `${postingPath(postingId)}/match/${encodeURIComponent(profileId)}`;
}

/** "Match against a posting", reached from a profile. */
export function profileMatchPath(profileId: string): string {
  return `/profiles/${encodeURIComponent(profileId)}/match`;
}

/** The ranking of the workspace's profiles against one posting. */
export function rankingPath(postingId: string): string {
  return `${postingPath(postingId)}/ranking`;
}

/** One tailoring: its progress, then its changes to review and confirm. */
export function tailoringPath(tailoringId: string): string {
  return `/tailoring/${encodeURIComponent(tailoringId)}`;
}

/** A profile (or tailored version) page, where it can be exported. */
export function profilePath(profileId: string): string {
  return `/profiles/${encodeURIComponent(profileId)}`;
}
