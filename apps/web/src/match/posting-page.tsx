import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { formatDateTime, isoDateTime } from "../lib/format";
import { useTRPC } from "../trpc/client";
import { postingName, requirementDescription } from "./match-wording";
import { postingsPath, rankingPath } from "./paths";
import { PostingText } from "./posting-text";
import { ProfilePicker } from "./profile-picker";
import { RequirementList } from "./requirement-list";
import "./match.css";

/**
 * One posting (`/posting/:postingId`): the text as pasted with every requirement highlighted where it
 * was found, the requirement list beside it, and a profile picker that opens the match view.
 */
export function PostingPage() {
  const { postingId = "" } = useParams();
  const trpc = useTRPC();
  const posting = useQuery(trpc.postings.byId.queryOptions({ postingId }));
  const [activeIds, setActiveIds] = useState<string[]>([]);
  const active = (posting.data?.requirements ?? []).filter((requirement) =>
    activeIds.includes(requirement.id),
  );

  return (
    <article aria-labelledby="posting-title" data-testid="posting-page">
      <p className="match-breadcrumb">
        <Link to={postingsPath}>← Postings</Link>
      </p>
      {posting.isPending ? (
        <p className="muted" role="status">
          Loading posting…
        </p>
      ) : null}
      {posting.isError ? (
        <>
          <h1 id="posting-title">Posting</h1>
          <ErrorNotice
            title="This posting could not be loaded."
            summary={describeError(posting.error)}
            testId="posting-error"
          />
        </>
      ) : null}
      {posting.data !== undefined ? (
        <>
          <h1 id="posting-title" className="match-heading">
            {postingName(posting.data)}
          </h1>
          <p className="muted">
            Added{" "}
            <time dateTime={isoDateTime(posting.data.createdAt)}>
              {formatDateTime(posting.data.createdAt)}
            </time>
          </p>

          <section className="panel" aria-labelledby="match-pick-title">
            <h2 id="match-pick-title">Match a profile</h2>
            <ProfilePicker postingId={postingId} />
            <p>
              <Link to={rankingPath(postingId)} data-testid="open-ranking">
                Rank every profile against this posting
              </Link>
            </p>
          </section>

          <div className="posting-layout">
            <section className="panel posting-text-panel" aria-labelledby="posting-text-title">
              <h2 id="posting-text-title">Posting</h2>
              <p className="legend">
                <mark className="requirement-mark requirement-must">Must have</mark>{" "}
                <mark className="requirement-mark requirement-nice">Nice to have</mark>
                <span className="muted"> · point at or focus a highlight to see what it stands for</span>
              </p>
              <p className="requirement-focus" aria-live="polite" data-testid="requirement-focus">
                {active.length === 0 ? "\u00a0" : active.map(requirementDescription).join(" / ")}
              </p>
              <PostingText
                text={posting.data.text}
                requirements={posting.data.requirements}
                activeIds={activeIds}
                onActivate={setActiveIds}
              />
            </section>
            <section
              className="panel posting-requirements-panel"
              aria-labelledby="posting-requirements-title"
            >
              <h2 id="posting-requirements-title">Requirements ({posting.data.requirements.length})</h2>
              <RequirementList
                requirements={posting.data.requirements}
                activeIds={activeIds}
                onActivate={setActiveIds}
              />
            </section>
          </div>
        </>
      ) : null}
    </article>
  );
}
