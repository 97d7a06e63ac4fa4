import type { RunnerResult } from "lighthouse";

/** The Lighthouse categories the audit scores. */
export const categories = ["performance", "accessibility", "best-practices"] as const;
export type Category = (typeof categories)[number];

/** One Lighthouse run of one page in one mode, reduced to what the audit prints and saves. */
export interface LighthouseRow {
  page: string;
  mode: "mobile" | "desktop";
  scores: Record<Category, number>;
  /** Compressed bytes of JavaScript transferred on the cold load, in KB. */
  jsKb: number;
  /** The raw metrics behind the performance score, which is sensitive to CPU load. */
  metrics: Metrics;
  failing: string[];
}

export interface Metrics {
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Speed Index: how soon the visible page looks complete. */
  siMs: number;
  /** The largest contentful paint's element, as Lighthouse describes it. */
  lcpElement: string | null;
  /** The elements that moved most, with their share of the layout shift. */
  shifts: string[];
}

interface NodeItem {
  node?: { snippet?: string; selector?: string };
  score?: number;
}

function scoreOf(result: RunnerResult, category: Category): number {
  return Math.round((result.lhr.categories[category]?.score ?? 0) * 100);
}

function scriptKb(result: RunnerResult): number {
  const details = result.lhr.audits["network-requests"]?.details as
    | { items?: Array<{ resourceType?: string; transferSize?: number }> }
    | undefined;
  const bytes = (details?.items ?? [])
    .filter((item) => item.resourceType === "Script")
    .reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
  return Math.round(bytes / 102.4) / 10;
}

function numericOf(result: RunnerResult, id: string): number {
  return result.lhr.audits[id]?.numericValue ?? Number.NaN;
}

function metricsOf(result: RunnerResult): Metrics {
  // Lighthouse 13 names the element in its LCP breakdown insight, beside the table of its subparts.
  const lcpNode = (
    result.lhr.audits["lcp-breakdown-insight"]?.details as
      | { items?: Array<{ type?: string } & NodeItem["node"]> }
      | undefined
  )?.items?.find((item) => item.type === "node");
  const shiftItems =
    (result.lhr.audits["layout-shifts"]?.details as { items?: NodeItem[] } | undefined)?.items ?? [];
  const describe = (item: NodeItem) => item.node?.selector ?? item.node?.snippet ?? "?";
  return {
    fcpMs: Math.round(numericOf(result, "first-contentful-paint")),
    lcpMs: Math.round(numericOf(result, "largest-contentful-paint")),
    tbtMs: Math.round(numericOf(result, "total-blocking-time")),
    cls: Math.round(numericOf(result, "cumulative-layout-shift") * 1000) / 1000,
    siMs: Math.round(numericOf(result, "speed-index")),
    lcpElement: lcpNode === undefined ? null : describe({ node: lcpNode }),
    shifts: shiftItems.slice(0, 3).map((item) => `${describe(item)} (${(item.score ?? 0).toFixed(3)})`),
  };
}

/** Audits that cost points in a category, by title, so the printout says what to fix. */
function failingAudits(result: RunnerResult): string[] {
  const failing: string[] = [];
  for (const category of categories) {
    for (const ref of result.lhr.categories[category]?.auditRefs ?? []) {
      const audit = result.lhr.audits[ref.id];
      if (ref.weight > 0 && audit !== undefined && audit.score !== null && audit.score < 0.9) {
        failing.push(`${category}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
      }
    }
  }
  return failing;
}

/** The figures of one Lighthouse result: scores, JavaScript transferred, raw metrics, failing audits. */
export function lighthouseRow(
  page: string,
  mode: LighthouseRow["mode"],
  result: RunnerResult,
): LighthouseRow {
  return {
    page,
    mode,
    scores: Object.fromEntries(
      categories.map((category) => [category, scoreOf(result, category)]),
    ) as LighthouseRow["scores"],
    jsKb: scriptKb(result),
    metrics: metricsOf(result),
    failing: failingAudits(result),
  };
}
