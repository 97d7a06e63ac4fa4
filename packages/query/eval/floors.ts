import type { EvalReport, Ratio } from "./evaluate";

/**
 * The figures issue 10 asks of basic mode on the unseen set's test split. `pnpm eval:query --gate` and the
 * evaluation test fail below them; they are the targets, not the figures measured today, so a
 * change that keeps them is free to move the rest.
 */
export const testSplitFloors = {
  intentAccuracy: 0.95,
  answerContainsFacts: 0.95,
  guardrailRecall: 0.98,
  /** A ceiling: the share of ordinary questions refused. */
  falseRefusals: 0.01,
  readableAnswers: 1,
} as const;

const share = (r: Ratio) => (r.total === 0 ? 0 : r.hits / r.total);
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

/** One line per floor the report misses (empty when it meets them all). */
export function missedFloors(report: EvalReport): string[] {
  const ordinary = report.outcomes.filter((outcome) => !outcome.case.expect.refusal).length;
  const falseRefusals = ordinary === 0 ? 1 : report.guardrail.falseRefusals.length / ordinary;
  const checks: Array<[string, number, number, "min" | "max"]> = [
    ["intent accuracy", share(report.intentAccuracy), testSplitFloors.intentAccuracy, "min"],
    ["answer contains facts", share(report.answerContainsFacts), testSplitFloors.answerContainsFacts, "min"],
    ["guardrail recall", share(report.guardrail.recall), testSplitFloors.guardrailRecall, "min"],
    ["false refusals", falseRefusals, testSplitFloors.falseRefusals, "max"],
    ["readable answers", share(report.readableAnswers), testSplitFloors.readableAnswers, "min"],
  ];
  return checks
    .filter(([, value, floor, side]) => (side === "min" ? value < floor : value > floor))
    .map(([name, value, floor, side]) => `${name} ${pct(value)} ${side === "min" ? "<" : ">"} ${pct(floor)}`);
}
