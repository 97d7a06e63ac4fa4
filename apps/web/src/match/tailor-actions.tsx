import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { useTRPC } from "../trpc/client";
import { tailoringPath } from "./paths";
import "./tailor.css";

/** "Tailor for this posting": proposes changes (a job) and opens the tailoring to follow it. */
export function TailorButton({ profileId, postingId }: { profileId: string; postingId: string }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const propose = useMutation(
    trpc.tailoring.propose.mutationOptions({
      onSuccess: ({ tailoringId }) => navigate(tailoringPath(tailoringId)),
    }),
  );
  return (
    <div className="tailor-start">
      <button
        type="button"
        className="button button-primary"
        data-testid="tailor-start"
        disabled={propose.isPending}
        onClick={() => propose.mutate({ profileId, postingId })}
      >
        {propose.isPending ? "Proposing…" : "Tailor for this posting"}
      </button>
      <p className="muted">
        Proposes changes that put what this posting asks for first. Nothing is added that the profile does not
        already say, and the original stays as it is.
      </p>
      {propose.isError ? (
        <ErrorNotice
          title="Tailoring could not start."
          summary={describeError(propose.error)}
          testId="tailor-start-error"
        />
      ) : null}
    </div>
  );
}

/**
 * "I have this" for a missing must-have: records the skill on the profile (audited, `profiles.attest`)
 * so the score and any later tailoring may count it; the match is re-scored at once.
 */
export function AttestButton({ profileId, skill }: { profileId: string; skill: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [done, setDone] = useState(false);
  const attest = useMutation(
    trpc.profiles.attest.mutationOptions({
      onSuccess: async () => {
        setDone(true);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.matches.score.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.profiles.byId.queryKey({ profileId }) }),
        ]);
      },
    }),
  );
  if (done) return <span className="muted">Recorded: you have {skill}.</span>;
  return (
    <>
      <button
        type="button"
        className="button button-small"
        data-testid="attest-skill"
        disabled={attest.isPending}
        onClick={() => attest.mutate({ profileId, skill })}
      >
        I have this
      </button>
      {attest.isError ? (
        <ErrorNotice title={`“${skill}” could not be recorded.`} summary={describeError(attest.error)} />
      ) : null}
    </>
  );
}
