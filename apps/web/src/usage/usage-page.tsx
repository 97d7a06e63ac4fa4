import { useQuery } from "@tanstack/react-query";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { formatBytes, formatCount, formatDate, isoDateTime, titleCase } from "../lib/format";
import { useTRPC } from "../trpc/client";
import { UsageHistory } from "./usage-history";
import { UsageMeter } from "./usage-meter";
import "./usage.css";

/** This month's consumption of the plan's quotas as three meters, and the last months as charts. */
export function UsagePage() {
  const trpc = useTRPC();
  const usage = useQuery(trpc.usage.current.queryOptions());

  return (
    <section aria-labelledby="usage-title" data-testid="usage-page">
      <h1 id="usage-title">Usage</h1>
      <p className="lead">What this workspace has used in the current period, against its plan's limits.</p>
      {usage.isPending ? (
        <p className="muted usage-loading" role="status">
          Loading usage…
        </p>
      ) : null}
      {usage.isError ? (
        <ErrorNotice title="Usage could not be loaded." summary={describeError(usage.error)} />
      ) : null}
      {usage.data !== undefined ? (
        <section className="panel" aria-labelledby="usage-period-title">
          <div className="panel-header">
            <h2 id="usage-period-title">
              <time dateTime={isoDateTime(usage.data.period.start)}>
                {formatDate(usage.data.period.start)}
              </time>
              {" – "}
              <time dateTime={isoDateTime(usage.data.period.end)}>{formatDate(usage.data.period.end)}</time>
            </h2>
            <span className="badge badge-plan" data-testid="usage-plan">
              {titleCase(usage.data.plan)} plan
            </span>
          </div>
          <div className="meters">
            <UsageMeter
              id="usage-requests"
              label="API requests"
              used={usage.data.requests.used}
              limit={usage.data.requests.limit}
              format={formatCount}
            />
            <UsageMeter
              id="usage-llm-tokens"
              label="AI tokens"
              used={usage.data.llmTokens.used}
              limit={usage.data.llmTokens.limit}
              format={formatCount}
            />
            <UsageMeter
              id="usage-stored-bytes"
              label="Storage"
              used={usage.data.storedBytes.used}
              limit={usage.data.storedBytes.limit}
              format={formatBytes}
            />
          </div>
        </section>
      ) : null}
      <UsageHistory />
    </section>
  );
}
