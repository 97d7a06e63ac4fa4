import { Link } from "react-router";
import type { ProfileView } from "../documents/types";
import { postingName } from "../match/match-wording";
import { postingPath, profilePath, tailoringPath } from "../match/paths";

/** Where a posting a version was tailored for is gone, the version still says it was tailored. */
const postingLabel = (posting: { postingId: string | null; title: string | null; company: string | null }) =>
  posting.postingId === null ? "a deleted posting" : postingName(posting);

/**
 * A tailored version says what it was tailored for and links back to the profile it came from (and to
 * the posting and the tailoring); a profile with tailored versions links to each of them.
 */
export function ProfileLineage({ profile }: { profile: ProfileView }) {
  const { tailoredFor, parentProfileId, versions } = profile;
  return (
    <>
      {profile.source === "tailored" ? (
        <section className="notice lineage-note" aria-label="Tailored version" data-testid="tailored-version">
          <p className="notice-title" data-testid="tailored-for">
            Tailored for{" "}
            {tailoredFor?.postingId ? (
              <Link to={postingPath(tailoredFor.postingId)}>{postingLabel(tailoredFor)}</Link>
            ) : (
              "a deleted posting"
            )}
          </p>
          <p>
            A new version: the profile it came from is unchanged.{" "}
            {parentProfileId !== null ? (
              <Link to={profilePath(parentProfileId)} data-testid="parent-version">
                Open the original profile
              </Link>
            ) : null}
            {tailoredFor !== null ? (
              <>
                {" · "}
                <Link to={tailoringPath(tailoredFor.tailoringId)}>See the changes</Link>
              </>
            ) : null}
          </p>
        </section>
      ) : null}
      {versions.length > 0 ? (
        <section className="panel" aria-labelledby="versions-title" data-testid="tailored-versions">
          <h2 id="versions-title">Tailored versions</h2>
          <ul className="lineage-list">
            {versions.map((version) => (
              <li key={version.profileId}>
                <Link to={profilePath(version.profileId)} data-testid="tailored-version-link">
                  Tailored for {postingLabel(version)}
                </Link>{" "}
                <span className="muted">· {new Date(version.createdAt).toLocaleDateString()}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
