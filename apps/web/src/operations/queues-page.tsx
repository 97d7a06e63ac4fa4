import { useQuery } from "@tanstack/react-query";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { formatCount, titleCase } from "../lib/format";
import { useTRPC } from "../trpc/client";
import { FailedRuns } from "./failed-runs";

/** The view refreshes itself this often while open: counts move as workers take jobs. */
const refreshMs = 5000;

/**
 * Operations → Queues, for the instance's operators: how many jobs wait, run, are scheduled for later
 * (retries after a backoff, periodic work) and failed in each queue, and the runs that failed. Queues are shared by every workspace, so only
 * operators get it; the server refuses everyone else.
 */
export function QueuesPage() {
  const trpc = useTRPC();
  const view = useQuery({ ...trpc.operations.queues.queryOptions(), refetchInterval: refreshMs });
  const data = view.data;

  return (
    <section aria-labelledby="queues-title" data-testid="queues-page">
      <h1 id="queues-title">Queues</h1>
      <p className="lead">
        Background work of every workspace on this instance. Retry a failed job once its cause is fixed, or
        discard it to stop trying.
      </p>
      {view.isPending ? (
        <p className="muted" role="status">
          Loading the queues…
        </p>
      ) : null}
      {view.isError ? (
        <ErrorNotice title="The queues could not be loaded." summary={describeError(view.error)} />
      ) : null}
      {data !== undefined ? (
        <>
          <table className="data-table data-table-stack" data-testid="queue-counts">
            <thead>
              <tr>
                <th scope="col">Queue</th>
                <th scope="col">Waiting</th>
                <th scope="col">Running</th>
                <th scope="col">Scheduled</th>
                <th scope="col">Failed</th>
              </tr>
            </thead>
            <tbody>
              {data.queues.map((queue) => (
                <tr key={queue.name} data-testid="queue-row">
                  <th scope="row">{titleCase(queue.name)}</th>
                  <td data-label="Waiting">{formatCount(queue.waiting)}</td>
                  <td data-label="Running">{formatCount(queue.active)}</td>
                  <td data-label="Scheduled">{formatCount(queue.delayed)}</td>
                  <td data-label="Failed">{formatCount(queue.failed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2 className="queues-failed-title">Failed jobs</h2>
          <FailedRuns runs={data.failedRuns} />
        </>
      ) : null}
    </section>
  );
}
