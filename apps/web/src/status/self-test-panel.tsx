import { skipToken, useMutation } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { describeError } from "../lib/describe-error";
import { errorCodeMessage } from "../lib/error-code-message";
import { ErrorNotice } from "../lib/error-notice";
import { clampPercent, formatMs } from "../lib/format";
import { useTRPC } from "../trpc/client";
import { isTerminal, readStepTimings, type SelfTestSnapshot, selfTestPhase } from "./self-test-state";

const phaseLabels = {
  idle: "Not run yet",
  starting: "Starting…",
  queued: "Waiting for a worker…",
  running: "Running…",
  succeeded: "Passed",
  failed: "Failed",
} as const;

/**
 * Runs the end-to-end self-test: `system.selfTest` enqueues a job, then `system.selfTestProgress` streams
 * its snapshots over SSE until it succeeds or fails.
 */
export function SelfTestPanel() {
  const trpc = useTRPC();
  const [jobRunId, setJobRunId] = useState<string | null>(null);
  const [snapshot, setSnapshot] = useState<SelfTestSnapshot | null>(null);
  const [isDispatched, setIsDispatched] = useState(true);

  const start = useMutation(
    trpc.system.selfTest.mutationOptions({
      onSuccess: (run) => {
        setSnapshot(null);
        setIsDispatched(run.dispatched);
        setJobRunId(run.jobRunId);
      },
    }),
  );

  // Kept in state rather than read from the hook: once the run is terminal the subscription is switched
  // off (skipToken) and the hook forgets its data, but the outcome must stay on screen.
  const isWatching = jobRunId !== null && !isTerminal(snapshot);
  const progress = useSubscription(
    trpc.system.selfTestProgress.subscriptionOptions(isWatching ? { jobRunId } : skipToken, {
      onData: (next) => setSnapshot(next),
    }),
  );

  const phase = selfTestPhase({ isStarting: start.isPending, jobRunId, snapshot });
  const isBusy = phase === "starting" || phase === "queued" || phase === "running";
  const percent = clampPercent(snapshot?.progress ?? 0);
  const timings = phase === "succeeded" ? readStepTimings(snapshot?.result) : [];

  return (
    <section className="panel" aria-labelledby="self-test-title" data-testid="self-test">
      <div className="panel-header">
        <h2 id="self-test-title">Self-test</h2>
        <button
          type="button"
          className="button button-primary"
          data-testid="self-test-run"
          disabled={isBusy}
          onClick={() => {
            setSnapshot(null);
            setJobRunId(null);
            start.mutate();
          }}
        >
          {phase === "succeeded" || phase === "failed" ? "Run self-test again" : "Run self-test"}
        </button>
      </div>
      <p className="muted">
        Queues a job that exercises the database, Redis and storage through a worker, and reports each step.
      </p>

      {start.isError ? (
        <ErrorNotice
          title="The self-test could not be started."
          summary={describeError(start.error)}
          testId="self-test-start-error"
        />
      ) : null}

      {phase !== "idle" ? (
        <div className="self-test-run" data-testid="self-test-run-state" data-phase={phase}>
          <div className="progress-row">
            <label htmlFor="self-test-progress">{phaseLabels[phase]}</label>
            <span className="progress-figure" aria-hidden="true">
              {percent}%
            </span>
          </div>
          <progress
            id="self-test-progress"
            data-testid="self-test-progress"
            max={100}
            value={percent}
            aria-valuetext={`${percent}%${snapshot?.progressMessage ? `: ${snapshot.progressMessage}` : ""}`}
          />
          <p className="progress-message" aria-live="polite" data-testid="self-test-message">
            {snapshot?.progressMessage ?? (isBusy ? "Waiting for the first update…" : "")}
          </p>
          {phase === "queued" && !isDispatched ? (
            <p className="muted" data-testid="self-test-not-dispatched">
              Redis did not accept the job yet. The run is saved and will be queued as soon as Redis is back.
            </p>
          ) : null}
        </div>
      ) : null}

      {phase === "succeeded" ? (
        <div className="notice notice-success" role="status" data-testid="self-test-success">
          <p className="notice-title">Self-test passed.</p>
          {timings.length > 0 ? (
            <table className="data-table" data-testid="self-test-timings">
              <caption>Step timings</caption>
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col" className="numeric">
                    Duration
                  </th>
                </tr>
              </thead>
              <tbody>
                {timings.map((step) => (
                  <tr key={step.name}>
                    <td>{step.name}</td>
                    <td className="numeric">{formatMs(step.durationMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}

      {phase === "failed" ? (
        <div className="notice notice-error" role="alert" data-testid="self-test-failure">
          <p className="notice-title">Self-test failed.</p>
          <p>{errorCodeMessage(snapshot?.errorCode ?? null) ?? "The job stopped before finishing."}</p>
          {snapshot?.progressMessage ? <p>Last step: {snapshot.progressMessage}</p> : null}
          {snapshot?.errorCode ? (
            <p>
              Error code: <code data-testid="self-test-error-code">{snapshot.errorCode}</code>
            </p>
          ) : null}
        </div>
      ) : null}

      {progress.status === "error" && progress.error !== null ? (
        <ErrorNotice
          title="Lost track of the self-test."
          summary={describeError(progress.error)}
          testId="self-test-watch-error"
        />
      ) : null}
    </section>
  );
}
