import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useParams } from "react-router";
import { hasRoleAtLeast } from "../auth/roles";
import { roleOf, useSession } from "../auth/session";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { useTRPC } from "../trpc/client";
import { MatchTable } from "./match-table";
import {
  breakdownText,
  matchFactLabels,
  matchRows,
  pointsText,
  postingName,
  weightLabels,
} from "./match-wording";
import { postingPath } from "./paths";
import { AttestButton, TailorButton } from "./tailor-actions";
import "./match.css";

// Requirements a person can say they have; years and duties are judged from the experience itself.
const attestable = new Set(["skill", "tool", "certification", "language"]);

/**
 * How one profile fits one posting (`/posting/:postingId/match/:profileId`): the score out of 100, how
 * musts and nice-to-haves add up to it, the missing musts, and the table of every requirement with the
 * evidence found in the profile. The scorer version sits behind "Details".
 */
export function MatchPage() {
  const { postingId = "", profileId = "" } = useParams();
  const trpc = useTRPC();
  const canWrite = hasRoleAtLeast(roleOf(useSession()), "member");
  const posting = useQuery(trpc.postings.byId.queryOptions({ postingId }));
  const profile = useQuery(trpc.profiles.byId.queryOptions({ profileId }));
  const score = useQuery(trpc.matches.score.queryOptions({ profileId, postingId }));
  const failed = [posting, profile, score].find((query) => query.isError);
  const profileName = profile.data?.name ?? "This profile";
  const rows =
    posting.data !== undefined && score.data !== undefined
      ? matchRows(posting.data.requirements, score.data)
      : [];
  const factLabels = useMemo(
    () => (profile.data === undefined ? new Map<string, string>() : matchFactLabels(profile.data)),
    [profile.data],
  );
  const missingMusts = rows.filter((row) => row.requirement.weight === "must" && row.status === "missing");

  return (
    <article aria-labelledby="match-title" data-testid="match-page">
      <p className="match-breadcrumb">
        <Link to={postingPath(postingId)}>
          ← {posting.data === undefined ? "Posting" : postingName(posting.data)}
        </Link>
        <Link to={`/profiles/${profileId}`}>{profile.data?.name ?? "Profile"} →</Link>
      </p>
      <h1 id="match-title" className="match-heading">
        {posting.data !== undefined && profile.data !== undefined
          ? `${profileName} for ${postingName(posting.data)}`
          : "Match"}
      </h1>
      {failed?.error ? (
        <ErrorNotice
          title="The match could not be shown."
          summary={describeError(failed.error)}
          testId="match-error"
        />
      ) : null}
      {failed === undefined && (score.isPending || posting.isPending) ? (
        <p className="muted" role="status">
          Scoring…
        </p>
      ) : null}
      {score.data !== undefined && posting.data !== undefined ? (
        <>
          <section className="panel match-summary" aria-labelledby="match-score-title">
            <h2 id="match-score-title" className="visually-hidden">
              Score
            </h2>
            <div className="match-score" data-testid="match-score">
              <span className="match-score-value">{score.data.score}</span>
              <span className="match-score-scale">/ 100</span>
            </div>
            <meter
              className="match-meter"
              min={0}
              max={100}
              low={40}
              high={70}
              optimum={100}
              value={score.data.score}
            >
              {score.data.score} out of 100
            </meter>
            <dl className="match-breakdown" data-testid="match-breakdown">
              {(["must", "nice"] as const).map((weight) => {
                const bucket = score.data.breakdown[weight];
                return (
                  <div key={weight}>
                    <dt>{weightLabels[weight]}</dt>
                    <dd>
                      {pointsText(bucket.earned, bucket.points)}
                      <span className="muted"> · {breakdownText(bucket)}</span>
                    </dd>
                  </div>
                );
              })}
            </dl>
            <details className="error-details" data-testid="match-details">
              <summary>Details</summary>
              <p className="muted">
                Scorer version <code>{score.data.scorerVersion}</code>. The same profile and posting always
                get the same score.
              </p>
            </details>
          </section>

          {missingMusts.length > 0 ? (
            <section
              className="notice notice-error"
              aria-labelledby="missing-musts-title"
              data-testid="missing-musts"
            >
              <h2 id="missing-musts-title" className="notice-title">
                {missingMusts.length === 1
                  ? "One must-have is missing"
                  : `${missingMusts.length} must-haves are missing`}
              </h2>
              <ul className="missing-must-list">
                {missingMusts.map((row) => (
                  <li key={row.requirement.id} className="missing-must" data-testid="missing-must">
                    <span>{row.requirement.canonical ?? row.requirement.text}</span>
                    {canWrite && attestable.has(row.requirement.kind) ? (
                      <AttestButton
                        profileId={profileId}
                        skill={row.requirement.canonical ?? row.requirement.text}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
              {canWrite ? (
                <p className="muted">
                  “I have this” records the skill on the profile, so the score and tailoring may count it.
                </p>
              ) : null}
            </section>
          ) : null}

          {canWrite ? (
            <section className="panel tailor-panel" aria-labelledby="tailor-title">
              <h2 id="tailor-title">Tailor the résumé</h2>
              <TailorButton profileId={profileId} postingId={postingId} />
            </section>
          ) : null}

          <section className="panel" aria-labelledby="match-requirements-title">
            <h2 id="match-requirements-title">Requirement by requirement</h2>
            {rows.length === 0 ? (
              <p>This posting has no requirements to score.</p>
            ) : (
              <MatchTable rows={rows} profileId={profileId} factLabels={factLabels} />
            )}
          </section>
        </>
      ) : null}
    </article>
  );
}
