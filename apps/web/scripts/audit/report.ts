import { writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import type { LighthouseRow } from "./lighthouse-figures";

/** What every audited page should reach. */
export const goals = { performance: 90, accessibility: 100, "best-practices": 95, firstLoadJsKb: 200 };

/** axe-core's violations on one page at one width. */
export interface AxeRow {
  page: string;
  violations: Array<{ id: string; impact: string | null; nodes: number; help: string }>;
}

function lighthouseLines(rows: LighthouseRow[]): string[] {
  const mark = (ok: boolean) => (ok ? " " : "!");
  const lines = [
    `Lighthouse (goals: performance ≥ ${goals.performance}, accessibility ${goals.accessibility}, best practices ≥ ${goals["best-practices"]}, JS ≤ ${goals.firstLoadJsKb} KB compressed)`,
    "page                 mode     perf  a11y  best   JS KB",
  ];
  for (const row of rows) {
    const { performance, accessibility } = row.scores;
    const best = row.scores["best-practices"];
    lines.push(
      `${row.page.padEnd(20)} ${row.mode.padEnd(8)} ${String(performance).padStart(3)}${mark(performance >= goals.performance)}  ${String(accessibility).padStart(3)}${mark(accessibility >= goals.accessibility)}  ${String(best).padStart(3)}${mark(best >= goals["best-practices"])}  ${row.jsKb.toFixed(1).padStart(6)}${mark(row.jsKb <= goals.firstLoadJsKb)}`,
    );
    const { fcpMs, lcpMs, tbtMs, cls, siMs, lcpElement, shifts } = row.metrics;
    lines.push(
      `    FCP ${fcpMs} ms, LCP ${lcpMs} ms, TBT ${tbtMs} ms, CLS ${cls}, SI ${siMs} ms; LCP element: ${lcpElement ?? "none"}`,
    );
    if (shifts.length > 0) lines.push(`    shifted: ${shifts.join(", ")}`);
    for (const failing of row.failing) lines.push(`    - ${failing}`);
  }
  return lines;
}

function axeLines(rows: AxeRow[]): string[] {
  const lines = ["axe-core (goal: no violations)"];
  for (const row of rows) {
    if (row.violations.length === 0) {
      lines.push(`${row.page.padEnd(28)} no violations`);
      continue;
    }
    for (const violation of row.violations) {
      lines.push(
        `${row.page.padEnd(28)} ${violation.impact ?? "?"} ${violation.id} ×${violation.nodes}: ${violation.help}`,
      );
    }
  }
  return lines;
}

/**
 * Prints every figure against the goals, with the load average (performance scores move with CPU load),
 * and saves them as JSON at `reportPath` when given.
 */
export async function report(lighthouseRows: LighthouseRow[], axeRows: AxeRow[], reportPath?: string) {
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
  const lines = ["", ...lighthouseLines(lighthouseRows), "", ...axeLines(axeRows), `load average: ${load}`];
  process.stdout.write(`${lines.join("\n")}\n`);
  if (reportPath !== undefined) {
    await writeFile(reportPath, JSON.stringify({ goals, lighthouse: lighthouseRows, axe: axeRows }, null, 2));
  }
}
