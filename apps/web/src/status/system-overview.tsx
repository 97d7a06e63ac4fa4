import { useQuery } from "@tanstack/react-query";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { formatMs, titleCase } from "../lib/format";
import { useTRPC } from "../trpc/client";

// Readiness changes when a dependency fails; a few seconds is fresh enough without loading the API.
const refreshIntervalMs = 5_000;

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Version, mode and the live readiness of each dependency, refreshed while the page is visible. */
export function SystemOverview() {
  const trpc = useTRPC();
  const status = useQuery(trpc.system.status.queryOptions(undefined, { refetchInterval: refreshIntervalMs }));

  if (status.isPending) {
    return (
      <section className="panel" aria-labelledby="overview-title" aria-busy="true">
        <h2 id="overview-title">System</h2>
        <p className="muted" role="status">
          Checking dependencies…
        </p>
      </section>
    );
  }

  if (status.data === undefined) {
    return (
      <section className="panel" aria-labelledby="overview-title">
        <h2 id="overview-title">System</h2>
        <ErrorNotice
          title="The system status could not be loaded."
          summary={describeError(status.error)}
          testId="status-error"
        />
      </section>
    );
  }

  const { version, mode, components, ready } = status.data;
  // A failed refresh keeps the last answer on screen, flagged as stale, instead of blanking the page.
  const isStale = status.isRefetchError;

  return (
    <section className="panel" aria-labelledby="overview-title" data-testid="status-overview">
      <div className="panel-header">
        <h2 id="overview-title">System</h2>
        <span
          className={`badge ${ready ? "badge-up" : "badge-down"}`}
          data-testid="status-ready"
          data-ready={String(ready)}
        >
          {ready ? "Ready" : "Not ready"}
        </span>
      </div>
      <dl className="facts">
        <div>
          <dt>Version</dt>
          <dd data-testid="status-version">{version}</dd>
        </div>
        <div>
          <dt>Mode</dt>
          <dd data-testid="status-mode">{mode}</dd>
        </div>
        <div>
          <dt>Last checked</dt>
          <dd>
            <time dateTime={new Date(status.dataUpdatedAt).toISOString()}>
              {timeFormat.format(status.dataUpdatedAt)}
            </time>
            {isStale ? " (refresh failed, showing the last answer)" : null}
          </dd>
        </div>
      </dl>
      {isStale ? (
        <ErrorNotice
          title="The latest status check failed."
          summary={describeError(status.error)}
          testId="status-refresh-error"
        />
      ) : null}
      <table className="data-table" data-testid="status-components">
        <caption>Dependencies</caption>
        <thead>
          <tr>
            <th scope="col">Dependency</th>
            <th scope="col">State</th>
            <th scope="col" className="numeric">
              Latency
            </th>
          </tr>
        </thead>
        <tbody>
          {components.map((component) => (
            <tr key={component.name} data-testid={`component-${component.name}`}>
              <th scope="row">{titleCase(component.name)}</th>
              <td>
                <span
                  className={`badge ${component.status === "up" ? "badge-up" : "badge-down"}`}
                  data-testid={`component-${component.name}-status`}
                >
                  {component.status}
                </span>
              </td>
              <td className="numeric">{formatMs(component.latencyMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
