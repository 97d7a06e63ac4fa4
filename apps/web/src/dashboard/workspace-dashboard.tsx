import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { BarChart, ChartPlaceholder } from "../charts/bar-chart";
import { dayLabels } from "../charts/chart-scale";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { formatCount } from "../lib/format";
import { useTRPC } from "../trpc/client";
import { activityTotals, type DashboardData, dashboardQuery, statusShares } from "./dashboard-figures";
import "./dashboard.css";

const loadingFigure = "…";

function DocumentsTile({
  documents,
  canOpen,
}: {
  /** `undefined` while loading: the tile keeps its shape. */
  documents: DashboardData["documents"] | undefined;
  canOpen: boolean;
}) {
  const { total, shares } = statusShares(documents ?? { uploaded: 0, processing: 0, ready: 0, failed: 0 });
  return (
    <section className="panel dashboard-tile" aria-labelledby="tile-documents" data-testid="tile-documents">
      <h2 id="tile-documents">Documents</h2>
      <p className="dashboard-figure" data-testid="documents-total">
        {documents === undefined ? loadingFigure : formatCount(total)}
      </p>
      {documents === undefined ? (
        <>
          <div className="status-bar" aria-hidden="true" />
          <p className="status-legend muted">Loading…</p>
        </>
      ) : total === 0 ? (
        <p className="muted">No résumés yet. Upload one to see it here.</p>
      ) : (
        <>
          <div className="status-bar" aria-hidden="true">
            {shares.map((share) => (
              <span
                key={share.status}
                className={`status-bar-part status-${share.status}`}
                style={{ width: `${share.percent}%` }}
              />
            ))}
          </div>
          <ul className="status-legend">
            {shares.map((share) => (
              <li key={share.status} data-testid={`documents-${share.status}`}>
                <span className={`chart-swatch status-${share.status}`} aria-hidden="true" />
                {share.label}: {formatCount(share.count)}
              </li>
            ))}
          </ul>
        </>
      )}
      {canOpen ? <Link to="/documents">Open Documents</Link> : null}
    </section>
  );
}

function ActivityTile({
  id,
  title,
  seriesLabel,
  total,
  note,
  chartTitle,
  values,
  days,
  color,
}: {
  id: string;
  title: string;
  /** What one bar counts, as the figures table's column heading. */
  seriesLabel: string;
  total: string;
  note: string;
  chartTitle: string;
  /** `undefined` while loading: the tile keeps its shape. */
  values: number[] | undefined;
  days: DashboardData["activity"];
  color: string;
}) {
  return (
    <section className="panel dashboard-tile" aria-labelledby={`tile-${id}`} data-testid={`tile-${id}`}>
      <h2 id={`tile-${id}`}>{title}</h2>
      <p className="dashboard-figure" data-testid={`${id}-total`}>
        {total}
      </p>
      <p className="muted">{note}</p>
      {values === undefined ? (
        <ChartPlaceholder title={chartTitle} />
      ) : (
        <BarChart
          title={chartTitle}
          series={[{ label: seriesLabel, color }]}
          points={days.map((day, index) => ({ ...dayLabels(day.day), values: [values[index] ?? 0] }))}
          format={formatCount}
          testId={`chart-${id}`}
        />
      )}
    </section>
  );
}

/**
 * The signed-in home's figures for the active workspace: documents by status, questions asked and
 * share-link conversations over the last seven days, each as a number with a small chart. The tiles
 * keep their shape while the figures load, so the page does not jump when they arrive.
 */
export function WorkspaceDashboard({ canOpenDocuments }: { canOpenDocuments: boolean }) {
  const trpc = useTRPC();
  const dashboard = useQuery(dashboardQuery(trpc));

  if (dashboard.isError) {
    return <ErrorNotice title="Your figures could not be loaded." summary={describeError(dashboard.error)} />;
  }
  const activity = dashboard.data?.activity ?? [];
  const totals = activityTotals(activity);
  const isLoaded = dashboard.data !== undefined;
  return (
    <div className="dashboard" data-testid="dashboard" aria-busy={!isLoaded} data-loaded={isLoaded}>
      <DocumentsTile documents={dashboard.data?.documents} canOpen={canOpenDocuments} />
      <ActivityTile
        id="questions"
        title="Questions this week"
        seriesLabel="Questions"
        total={isLoaded ? formatCount(totals.questions) : loadingFigure}
        note="Asked by your team, API keys and share-link visitors."
        chartTitle="Questions asked per day, last 7 days"
        values={isLoaded ? activity.map((day) => day.questions) : undefined}
        days={activity}
        color="var(--color-chart-1)"
      />
      <ActivityTile
        id="visits"
        title="Share-link visits this week"
        seriesLabel="Visits"
        total={isLoaded ? formatCount(totals.shareVisits) : loadingFigure}
        note="A visit counts once the visitor asks a question."
        chartTitle="Conversations started through share links per day, last 7 days"
        values={isLoaded ? activity.map((day) => day.shareVisits) : undefined}
        days={activity}
        color="var(--color-chart-2)"
      />
    </div>
  );
}
