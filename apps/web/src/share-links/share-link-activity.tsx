import { BarChart } from "../charts/bar-chart";
import { dateLabels } from "../charts/chart-scale";
import { formatCount } from "../lib/format";
import type { LinkActivityDay } from "./share-links-api";

/** A link's last 30 days as one chart: conversations started and questions asked per day. */
export function ShareLinkActivity({ activity }: { activity: LinkActivityDay[] }) {
  return (
    <BarChart
      title="Visits and questions per day, last 30 days"
      series={[
        { label: "Visits", color: "var(--color-chart-2)" },
        { label: "Questions", color: "var(--color-chart-1)" },
      ]}
      points={activity.map((day) => ({ ...dateLabels(day.day), values: [day.shareVisits, day.questions] }))}
      format={formatCount}
      testId="share-link-activity"
    />
  );
}
