import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { hasRoleAtLeast } from "../auth/roles";
import { roleOf, useSession } from "../auth/session";
import { describeError } from "../lib/describe-error";
import { ErrorDetails } from "../lib/error-details";
import { ErrorNotice } from "../lib/error-notice";
import { clampPercent, formatCount } from "../lib/format";
import { useTRPC } from "../trpc/client";
import { postingName, statusLabels } from "./match-wording";
import { matchViewPath, postingPath } from "./paths";
import "./match.css";
import "./ranking.css";

// Only when the progress stream failed (a proxy that drops SSE): the ranking is then read again slowly.
const fallbackPollMs = 2_000;

function isRanking(status: string | undefined): boolean {
  return status === "queued" || status === "running";
}

/**
 * The recruiter's view (`/posting/:postingId/ranking`): "Rank all profiles" scores every profile of the
 * workspace against the posting (a job, its progress streamed by `matches.rankProgress`), then lists them
 * best first, twenty a page, each with its score, why it fits and the must-haves it misses, linked to its
 * full match.
 */
export function RankingPage() {
  const { postingId = "" } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canRank = hasRoleAtLeast(roleOf(useSession()), "member");
  const posting = useQuery(trpc.postings.byId.queryOptions({ postingId }));
  // Cursors of the pages before the current one, so "Previous" goes back exactly.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const [streamFailed, setStreamFailed] = useState(false);
  const ranking = useQuery({
    ...trpc.matches.ranking.queryOptions({ postingId, cursor }),
    refetchInterval: (query) =>
      streamFailed && isRanking(query.state.data?.ranking?.status) ? fallbackPollMs : false,
  });
  const rank = useMutation(
    trpc.matches.rank.mutationOptions({
      onSuccess: async () => {
        setCursors([undefined]);
        await queryClient.invalidateQueries({ queryKey: trpc.matches.ranking.pathKey() });
      },
    }),
  );
  const current = ranking.data?.ranking ?? null;
  const running = isRanking(current?.status);
  const progress = useSubscription(
    trpc.matches.rankProgress.subscriptionOptions(
      running && current !== null ? { rankingId: current.id } : skipToken,
      {
        onData: (event) => {
          // The pages are final once the ranking settles: read them (and its final state) once.
          if (!isRanking(event.status)) {
            void queryClient.invalidateQueries({ queryKey: trpc.matches.ranking.pathKey() });
          }
        },
        onError: () => setStreamFailed(true),
      },
    ),
  );
  const live = progress.data?.rankingId === current?.id ? progress.data : undefined;
  const scored = live?.scored ?? current?.scored ?? 0;
  const total = live?.total ?? current?.total ?? 0;

  return (
    <article aria-labelledby="ranking-title" data-testid="ranking-page">
      <p className="match-breadcrumb">
        <Link to={postingPath(postingId)}>
          ← {posting.data === undefined ? "Posting" : postingName(posting.data)}
        </Link>
      </p>
      <h1 id="ranking-title" className="match-heading">
        Best profiles for {posting.data === undefined ? "this posting" : postingName(posting.data)}
      </h1>
      {posting.isError || ranking.isError ? (
        <ErrorNotice
          title="The ranking could not be loaded."
          summary={describeError(posting.error ?? ranking.error)}
        />
      ) : null}
      <section className="panel" aria-labelledby="ranking-run-title">
        <h2 id="ranking-run-title">Ranking</h2>
        {current === null && ranking.isSuccess ? (
          <p data-testid="ranking-empty">No profile has been ranked against this posting yet.</p>
        ) : null}
        {canRank ? (
          <button
            type="button"
            className="button button-primary"
            data-testid="ranking-start"
            disabled={rank.isPending || running}
            onClick={() => rank.mutate({ postingId })}
          >
            {current === null ? "Rank all profiles" : "Rank all profiles again"}
          </button>
        ) : null}
        {rank.isError ? (
          <ErrorNotice title="The ranking could not start." summary={describeError(rank.error)} />
        ) : null}
        {current !== null && running ? (
          <div aria-live="polite" data-testid="ranking-progress">
            <progress
              max={100}
              value={clampPercent(live?.progress ?? current.progress)}
              aria-label="Ranking progress"
            />
            <p className="progress-message">
              {total > 0
                ? `Scored ${formatCount(scored)} of ${formatCount(total)} profiles…`
                : "Waiting for a worker…"}
            </p>
          </div>
        ) : null}
        {current?.status === "failed" ? (
          <div className="notice notice-error" role="alert" data-testid="ranking-failed">
            <p className="notice-title">The ranking could not be finished. Rank again to retry.</p>
            <ErrorDetails code={current.errorCode} requestId={null} />
          </div>
        ) : null}
        {current?.status === "succeeded" ? (
          <p className="muted" data-testid="ranking-done">
            {formatCount(current.total)} {current.total === 1 ? "profile" : "profiles"} ranked, best first.
          </p>
        ) : null}
      </section>

      {current?.status === "succeeded" && ranking.data !== undefined && ranking.data.items.length > 0 ? (
        <section className="panel" aria-labelledby="ranking-list-title">
          <h2 id="ranking-list-title">Profiles</h2>
          <ol className="ranking-list" data-testid="ranking-list">
            {ranking.data.items.map((item) => (
              <li key={item.profileId} className="ranking-item" data-testid="ranking-row">
                <span className="ranking-score" data-testid="ranking-score">
                  {item.score}
                </span>
                <div className="ranking-main">
                  <Link to={matchViewPath(postingId, item.profileId)} className="ranking-name">
                    {item.name ?? "Unnamed profile"}
                  </Link>
                  {item.headline !== null ? <p className="muted ranking-headline">{item.headline}</p> : null}
                  {item.reasons.length > 0 ? (
                    <ul className="ranking-reasons" aria-label="Why it fits">
                      {item.reasons.map((reason) => (
                        <li key={reason.requirementId}>
                          {statusLabels[reason.status]}: {reason.text}
                          {reason.evidence !== null ? (
                            <span className="muted"> (“{reason.evidence}”)</span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {item.missing.length > 0 ? (
                    <p className="ranking-missing" data-testid="ranking-missing">
                      Missing: {item.missing.map((requirement) => requirement.text).join(", ")}
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
          <div className="ranking-pager">
            <button
              type="button"
              className="button button-small"
              disabled={cursors.length === 1}
              onClick={() => setCursors((previous) => previous.slice(0, -1))}
            >
              Previous
            </button>
            <button
              type="button"
              className="button button-small"
              data-testid="ranking-next"
              disabled={ranking.data.nextCursor === null}
              onClick={() => setCursors((previous) => [...previous, ranking.data?.nextCursor ?? undefined])}
            >
              Next
            </button>
          </div>
        </section>
      ) : null}
    </article>
  );
}
