import { useQuery } from "@tanstack/react-query";
import { BarChart } from "../charts/bar-chart";
import { monthLabels } from "../charts/chart-scale";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { formatBytes, formatCount } from "../lib/format";
import { useTRPC } from "../trpc/client";
import type { RouterOutputs } from "../trpc/types";

type MonthlyUsage = RouterOutputs["usage"]["history"][number];

/** How many months the Usage page draws, this one included. */
const months = 6;

/** Usage over the last six months: API requests, AI tokens and storage, one small bar chart each. */
export function UsageHistory() {
  const trpc = useTRPC();
  const history = useQuery(trpc.usage.history.queryOptions({ months }));
  if (history.isPending) {
    return (
      <p className="muted" role="status">
        Loading usage over time…
      </p>
    );
  }
  if (history.isError) {
    return (
      <ErrorNotice title="Usage over time could not be loaded." summary={describeError(history.error)} />
    );
  }
  const points = (pick: (month: MonthlyUsage) => number) =>
    history.data.map((month) => ({ ...monthLabels(month.period), values: [pick(month)] }));
  return (
    <section className="panel" aria-labelledby="usage-history-title" data-testid="usage-history">
      <h2 id="usage-history-title">Over the last {months} months</h2>
      <div className="chart-grid-layout">
        <BarChart
          title="API requests per month"
          series={[{ label: "API requests", color: "var(--color-chart-1)" }]}
          points={points((month) => month.requests)}
          format={formatCount}
          testId="chart-requests"
        />
        <BarChart
          title="AI tokens per month"
          series={[{ label: "AI tokens", color: "var(--color-chart-2)" }]}
          points={points((month) => month.llmTokens)}
          format={formatCount}
          testId="chart-llm-tokens"
        />
        <BarChart
          title="Storage at the end of each month"
          series={[{ label: "Storage", color: "var(--color-chart-3)" }]}
          points={points((month) => month.storedBytes)}
          format={formatBytes}
          testId="chart-storage"
        />
      </div>
    </section>
  );
}
