import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { hasRoleAtLeast } from "../auth/roles";
import { roleOf, useSession } from "../auth/session";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { formatCount } from "../lib/format";
import { useTRPC } from "../trpc/client";
import { postingName } from "./match-wording";
import { matchViewPath, postingsPath } from "./paths";
import "./match.css";

const pickerLimit = 100;

/**
 * "Match against a posting" from a profile (`/profiles/:profileId/match`): the workspace's postings,
 * newest first, each opening the match view for this profile.
 */
export function ProfileMatchPage() {
  const { profileId = "" } = useParams();
  const trpc = useTRPC();
  const me = useSession();
  const canWrite = hasRoleAtLeast(roleOf(me), "member");
  const profile = useQuery(trpc.profiles.byId.queryOptions({ profileId }));
  const postings = useQuery(trpc.postings.list.queryOptions({ limit: pickerLimit }));
  const name = profile.data?.name ?? "this profile";

  return (
    <article aria-labelledby="profile-match-title" data-testid="profile-match-page">
      <p className="match-breadcrumb">
        <Link to={`/profiles/${profileId}`}>← {profile.data?.name ?? "Profile"}</Link>
      </p>
      <h1 id="profile-match-title" className="match-heading">
        Match {name} against a posting
      </h1>
      {profile.isError ? (
        <ErrorNotice title="This profile could not be loaded." summary={describeError(profile.error)} />
      ) : null}
      <section className="panel" aria-labelledby="profile-match-list-title">
        <h2 id="profile-match-list-title">Choose a posting</h2>
        {postings.isPending ? (
          <p className="muted" role="status">
            Loading postings…
          </p>
        ) : null}
        {postings.isError ? (
          <ErrorNotice title="The postings could not be loaded." summary={describeError(postings.error)} />
        ) : null}
        {postings.data !== undefined && postings.data.items.length === 0 ? (
          <p data-testid="profile-match-empty">
            No postings yet.{" "}
            {canWrite ? (
              <Link to={postingsPath}>Paste a job posting</Link>
            ) : (
              "A member of the workspace can add one."
            )}
          </p>
        ) : null}
        {postings.data !== undefined && postings.data.items.length > 0 ? (
          <ul className="posting-list">
            {postings.data.items.map((posting) => (
              <li key={posting.id} className="posting-item" data-testid="profile-match-posting">
                <div className="posting-item-main">
                  <Link to={matchViewPath(posting.id, profileId)} className="posting-item-name">
                    {postingName(posting)}
                  </Link>
                  <span className="muted posting-item-meta">
                    {formatCount(posting.requirementCount)}{" "}
                    {posting.requirementCount === 1 ? "requirement" : "requirements"}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </article>
  );
}
