import { getEntity } from "../src/entities/index";
import { mapColumns } from "../src/mapping/auto-map";
import { createProfiler } from "../src/profile/profile-columns";
import { headerSetsDeFr } from "./header-sets-de-fr";
import { headerSetsEnEs } from "./header-sets-en-es";
import { headerSetsPtMixed } from "./header-sets-pt-mixed";
import type { HeaderSet } from "./types";

export const headerSets: readonly HeaderSet[] = [...headerSetsEnEs, ...headerSetsDeFr, ...headerSetsPtMixed];

/** One column's outcome: right or wrong (an abstention on a labelled column is wrong), and how sure. */
export interface Outcome {
  setId: string;
  column: string;
  expected: string | null;
  predicted: string | null;
  confidence: number;
  reason: string;
  isCorrect: boolean;
}

/** Maps one header set the way the analyse job would: profile its sample rows, then `mapColumns`. */
export function evaluateSet(set: HeaderSet): Outcome[] {
  const headers = set.columns.map(([header]) => header);
  const profiler = createProfiler(headers);
  const rowCount = Math.max(...set.columns.map((column) => column.length - 2));
  for (let row = 0; row < rowCount; row += 1)
    profiler.add(set.columns.map((column) => column[row + 2] ?? ""));
  const profiles = profiler.finish();
  const mapping = mapColumns({
    entity: getEntity(set.entity),
    columns: headers.map((name, index) => ({ name, profile: profiles[index] })),
  });
  return mapping.map((decision, index) => {
    const expected = set.columns[index]?.[1] ?? null;
    return {
      setId: set.id,
      column: decision.column,
      expected,
      predicted: decision.field,
      confidence: decision.confidence,
      reason: decision.reason,
      isCorrect: decision.field === expected,
    };
  });
}

/** Every column outcome of one split. */
export function evaluateSplit(split: HeaderSet["split"]): Outcome[] {
  return headerSets.filter((set) => set.split === split).flatMap(evaluateSet);
}
