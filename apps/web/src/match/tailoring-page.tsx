import { skipToken, useMutation, useQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useMemo, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { describeError } from "../lib/describe-error";
import { ErrorDetails } from "../lib/error-details";
import { ErrorNotice } from "../lib/error-notice";
import { clampPercent } from "../lib/format";
import { useTRPC } from "../trpc/client";
import { ChangeCard } from "./change-card";
import { postingName } from "./match-wording";
import { matchViewPath, profilePath, tailoringPath } from "./paths";
import { isProposing, rejectionText, tailoringModeText, tailoringStatusText } from "./tailor-wording";
import "./match.css";
import "./tailor.css";

const pollMs = 1_000;

/**
 * One tailoring (`/tailoring/:tailoringId`): progress while the job proposes changes, then each change
 * as a diff to keep or drop (all kept by default: each one passed the verifier), the changes the verifier
 * refused and why, the score before and after, and Confirm, which creates a new profile version and
 * opens it (where it can be exported). If the profile changed meanwhile, it says so and proposes again.
 */
export function TailoringPage() {
  const { tailoringId = "" } = useParams();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const tailoring = useQuery({
    ...trpc.tailoring.byId.queryOptions({ tailoringId }),
    refetchInterval: (query) => (isProposing(query.state.data?.status) ? pollMs : false),
  });
  const view = tailoring.data;
  const proposing = tailoring.isSuccess && isProposing(view?.status);
  const progress = useSubscription(
    trpc.tailoring.progress.subscriptionOptions(proposing ? { tailoringId } : skipToken),
  );
  const profile = useQuery(trpc.profiles.byId.queryOptions(view ? { profileId: view.profileId } : skipToken));
  const posting = useQuery(trpc.postings.byId.queryOptions(view ? { postingId: view.postingId } : skipToken));
  const requirements = useMemo(
    () => new Map((posting.data?.requirements ?? []).map((requirement) => [requirement.id, requirement])),
    [posting.data],
  );
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set());
  const confirm = useMutation(
    trpc.tailoring.confirm.mutationOptions({
      onSuccess: (result) => navigate(profilePath(result.profileId)),
    }),
  );
  const proposeAgain = useMutation(
    trpc.tailoring.propose.mutationOptions({
      onSuccess: (result) => {
        setDropped(new Set());
        confirm.reset();
        navigate(tailoringPath(result.tailoringId));
      },
    }),
  );
  const confirmError = confirm.isError ? describeError(confirm.error) : null;
  const baseChanged = confirmError?.code === "BASE_CHANGED";
  const accepted = (view?.changes ?? []).filter((change) => !dropped.has(change.id));
  const editable = view?.status === "ready";

  function toggle(changeId: string, keep: boolean) {
    setDropped((previous) => {
      const next = new Set(previous);
      if (keep) next.delete(changeId);
      else next.add(changeId);
      return next;
    });
  }

  const title =
    profile.data !== undefined && posting.data !== undefined
      ? `Tailor ${profile.data.name ?? "the profile"} for ${postingName(posting.data)}`
      : "Tailor";
  const live = progress.data;
  return (
    <article aria-labelledby="tailoring-title" data-testid="tailoring-page" data-status={view?.status}>
      {view !== undefined ? (
        <p className="match-breadcrumb">
          <Link to={matchViewPath(view.postingId, view.profileId)}>← Back to the match</Link>
        </p>
      ) : null}
      <h1 id="tailoring-title" className="match-heading">
        {title}
      </h1>
      {tailoring.isError ? (
        <ErrorNotice title="This tailoring could not be loaded." summary={describeError(tailoring.error)} />
      ) : null}
      {tailoring.isPending || proposing ? (
        <section className="panel" aria-live="polite" data-testid="tailoring-progress">
          <h2>Proposing changes</h2>
          <progress max={100} value={clampPercent(live?.progress ?? 0)} aria-label="Tailoring progress" />
          <p className="progress-message">
            {live?.progressMessage ?? tailoringStatusText[view?.status ?? "queued"]}
          </p>
        </section>
      ) : null}
      {view?.status === "failed" ? (
        <div className="notice notice-error" role="alert" data-testid="tailoring-failed">
          <p className="notice-title">{tailoringStatusText.failed}</p>
          <p>Try again from the match page; if it keeps failing, quote the details to support.</p>
          <ErrorDetails code={view.errorCode} requestId={null} />
        </div>
      ) : null}
      {view !== undefined && (view.status === "ready" || view.status === "confirmed") ? (
        <>
          <section className="panel tailor-summary" aria-labelledby="tailor-score-title">
            <h2 id="tailor-score-title">Score</h2>
            <dl className="tailor-scores" data-testid="tailor-scores">
              <div>
                <dt>Now</dt>
                <dd data-testid="tailor-score-before">{view.scoreBefore ?? "–"}</dd>
              </div>
              <div>
                <dt>With every proposed change</dt>
                <dd data-testid="tailor-score-after">{view.scoreAfter ?? "–"}</dd>
              </div>
            </dl>
            <p className="muted" data-testid="tailor-mode" data-mode={view.mode}>
              {tailoringModeText(view)} The posting’s missing skills stay missing unless you record that you
              have them on the match page.
            </p>
          </section>

          <section className="panel" aria-labelledby="tailor-changes-title">
            <h2 id="tailor-changes-title">Proposed changes ({view.changes.length})</h2>
            {view.changes.length === 0 ? (
              <p data-testid="tailor-no-changes">The profile already fits this posting as it is.</p>
            ) : (
              <ul className="change-list">
                {view.changes.map((change) => (
                  <ChangeCard
                    key={change.id}
                    change={change}
                    profile={profile.data}
                    requirements={requirements}
                    accepted={!dropped.has(change.id)}
                    onToggle={(keep) => toggle(change.id, keep)}
                    editable={editable}
                  />
                ))}
              </ul>
            )}
          </section>

          {view.rejected.length > 0 ? (
            <section className="panel" aria-labelledby="tailor-rejected-title" data-testid="tailor-rejected">
              <h2 id="tailor-rejected-title">Changes we refused ({view.rejected.length})</h2>
              <p className="muted">These were proposed but would have said something the profile does not.</p>
              <ul className="rejected-list">
                {view.rejected.map((rejection) => (
                  <li key={rejection.change.id} data-testid="tailor-rejection">
                    <p>{rejectionText(rejection)}</p>
                    <details className="error-details">
                      <summary>Details</summary>
                      <p className="muted">
                        Code <code>{rejection.code}</code> at <code>{rejection.change.path}</code>
                      </p>
                    </details>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section className="panel" aria-labelledby="tailor-confirm-title">
            <h2 id="tailor-confirm-title">Confirm</h2>
            {view.status === "confirmed" && view.resultProfileId !== null ? (
              <p data-testid="tailor-confirmed">
                Confirmed. <Link to={profilePath(view.resultProfileId)}>Open the tailored version</Link> to
                export it.
              </p>
            ) : (
              <>
                <p>
                  {accepted.length} of {view.changes.length} changes kept. Confirming saves them as a new
                  version of the profile; the original stays as it is.
                </p>
                <button
                  type="button"
                  className="button button-primary"
                  data-testid="tailor-confirm"
                  disabled={
                    !editable ||
                    baseChanged ||
                    accepted.length === 0 ||
                    confirm.isPending ||
                    view.baseHash === null
                  }
                  onClick={() =>
                    view.baseHash !== null &&
                    confirm.mutate({
                      tailoringId,
                      baseHash: view.baseHash,
                      acceptedChangeIds: accepted.map((change) => change.id),
                    })
                  }
                >
                  {confirm.isPending ? "Saving…" : "Confirm and create the new version"}
                </button>
              </>
            )}
            {confirmError !== null ? (
              <div className="notice notice-error" role="alert" data-testid="tailor-confirm-error">
                <p className="notice-title">
                  {baseChanged
                    ? "The profile changed after these changes were proposed."
                    : "The new version could not be saved."}
                </p>
                <p>
                  {baseChanged
                    ? "Someone corrected the profile or recorded a skill since. Propose again to tailor the profile as it is now."
                    : confirmError.message}
                </p>
                {baseChanged ? (
                  <button
                    type="button"
                    className="button button-small"
                    data-testid="tailor-propose-again"
                    disabled={proposeAgain.isPending}
                    onClick={() =>
                      proposeAgain.mutate({ profileId: view.profileId, postingId: view.postingId })
                    }
                  >
                    Propose again
                  </button>
                ) : null}
                <ErrorDetails code={confirmError.code} requestId={confirmError.requestId} />
              </div>
            ) : null}
            {proposeAgain.isError ? (
              <ErrorNotice title="Could not propose again." summary={describeError(proposeAgain.error)} />
            ) : null}
          </section>
        </>
      ) : null}
    </article>
  );
}
