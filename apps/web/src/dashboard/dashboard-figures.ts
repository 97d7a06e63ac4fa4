import type { TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@vitae/api/router";
import type { RouterOutputs } from "../trpc/types";

/**
 * The dashboard's query: the last seven days. One definition for the dashboard and its route prefetch
 * (`route-prefetch.ts`), so the prefetch fills the cache entry the dashboard reads.
 */
export function dashboardQuery(trpc: TRPCOptionsProxy<AppRouter>) {
  return trpc.usage.dashboard.queryOptions({ days: 7 });
}

/** `usage.dashboard`'s answer. */
export type DashboardData = RouterOutputs["usage"]["dashboard"];

/** One document status as the dashboard names it, in the order the bar and legend show them. */
export interface StatusShare {
  status: keyof DashboardData["documents"];
  label: string;
  count: number;
  /** Share of all documents, 0–100 (unrounded, for widths). */
  percent: number;
}

// Words a person uses, not the pipeline's states.
const statusLabels: Record<keyof DashboardData["documents"], string> = {
  ready: "Ready",
  processing: "Being read",
  uploaded: "Waiting",
  failed: "Could not be read",
};

/** The documents' statuses with their labels and shares; statuses with no document are left out. */
export function statusShares(documents: DashboardData["documents"]): {
  total: number;
  shares: StatusShare[];
} {
  const order = Object.keys(statusLabels) as Array<keyof typeof statusLabels>;
  const total = order.reduce((sum, status) => sum + documents[status], 0);
  const shares = order
    .filter((status) => documents[status] > 0)
    .map((status) => ({
      status,
      label: statusLabels[status],
      count: documents[status],
      percent: total === 0 ? 0 : (documents[status] / total) * 100,
    }));
  return { total, shares };
}

/** Totals over the window: questions asked and share-link conversations started. */
export function activityTotals(activity: DashboardData["activity"]): {
  questions: number;
  shareVisits: number;
} {
  return activity.reduce(
    (sum, day) => ({
      questions: sum.questions + day.questions,
      shareVisits: sum.shareVisits + day.shareVisits,
    }),
    { questions: 0, shareVisits: 0 },
  );
}
