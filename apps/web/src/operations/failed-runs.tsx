import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { describeError, type ErrorSummary } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { formatDateTime, isoDateTime } from "../lib/format";
import { useTRPC } from "../trpc/client";
import type { RouterOutputs } from "../trpc/types";
import { jobLabel } from "./job-label";

type FailedRun = RouterOutputs["operations"]["queues"]["failedRuns"][number];

function outcomeOf(run: FailedRun): string {
  return run.status === "queued"
    ? `Failed attempt ${run.attempts} of ${run.maxAttempts}; will be tried again`
    : `Failed for good after ${run.attempts} of ${run.maxAttempts} attempts`;
}

/**
 * The runs whose last attempt failed, newest first. A run waiting for another attempt can be retried
 * now or discarded (failed for good, so whatever it worked on is marked failed too); the server
 * refuses both for anything else, so the buttons only show where they apply.
 */
export function FailedRuns({ runs }: { runs: readonly FailedRun[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<ErrorSummary | null>(null);
  const options = (verb: string) => ({
    onMutate: () => setFailure(null),
    onSuccess: async (_data: unknown, input: { jobRunId: string }) => {
      const run = runs.find((candidate) => candidate.id === input.jobRunId);
      setStatus(`${jobLabel(run?.name ?? "")} ${verb}.`);
      await queryClient.invalidateQueries({ queryKey: trpc.operations.queues.queryKey() });
    },
    onError: (error: unknown) => setFailure(describeError(error)),
  });
  const retry = useMutation(
    trpc.operations.retryJob.mutationOptions(options("was handed to the queue again")),
  );
  const discard = useMutation(trpc.operations.discardJob.mutationOptions(options("was failed for good")));
  const isBusy = retry.isPending || discard.isPending;

  return (
    <>
      {runs.length === 0 ? <p className="muted">No job has failed recently.</p> : null}
      {runs.length > 0 ? (
        <table className="data-table data-table-stack" data-testid="failed-runs">
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Failed</th>
              <th scope="col">What happened</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id} data-testid="failed-run" data-status={run.status}>
                <th scope="row">{jobLabel(run.name)}</th>
                <td data-label="Failed">
                  <time dateTime={isoDateTime(run.failedAt)}>{formatDateTime(run.failedAt)}</time>
                </td>
                <td data-label="What happened">
                  <p>{run.errorMessage ?? "No reason was recorded."}</p>
                  <p className="muted">{outcomeOf(run)}</p>
                  <details className="error-details">
                    <summary>Details</summary>
                    <dl className="meta-list">
                      <div>
                        <dt>Error code</dt>
                        <dd>
                          <code>{run.errorCode ?? "—"}</code>
                        </dd>
                      </div>
                      <div>
                        <dt>Job</dt>
                        <dd>
                          <code>{run.name}</code> on queue <code>{run.queue}</code>
                        </dd>
                      </div>
                      <div>
                        <dt>Run id</dt>
                        <dd>
                          <code>{run.id}</code>
                        </dd>
                      </div>
                      {run.workspaceId !== null ? (
                        <div>
                          <dt>Workspace id</dt>
                          <dd>
                            <code>{run.workspaceId}</code>
                          </dd>
                        </div>
                      ) : null}
                    </dl>
                  </details>
                </td>
                <td data-label="Actions">
                  {run.status === "queued" ? (
                    <>
                      <button
                        type="button"
                        className="button button-small"
                        disabled={isBusy}
                        onClick={() => retry.mutate({ jobRunId: run.id })}
                      >
                        Retry now<span className="visually-hidden"> {jobLabel(run.name)}</span>
                      </button>{" "}
                      <button
                        type="button"
                        className="button button-small"
                        disabled={isBusy}
                        onClick={() => discard.mutate({ jobRunId: run.id })}
                      >
                        Discard<span className="visually-hidden"> {jobLabel(run.name)}</span>
                      </button>
                    </>
                  ) : (
                    <span className="muted">Nothing to do</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {failure !== null ? <ErrorNotice title="That did not work." summary={failure} /> : null}
      <p className="muted" aria-live="polite">
        {status}
      </p>
    </>
  );
}
