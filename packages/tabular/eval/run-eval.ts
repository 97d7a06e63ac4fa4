import { getEntity } from "../src/entities/index";
import { mapColumns } from "../src/mapping/auto-map";
import { createProfiler } from "../src/profile/profile-columns";
import { headerSetsDeFr } from "./header-sets-de-fr";
import { headerSetsEnEs } from "./header-sets-en-es";
import { headerSetsPtMixed } from "./header-sets-pt-mixed";
import type { HeaderSet } from "./types";

/**
 * Mapping evaluation: top-1 accuracy per column (an abstention on a column that has a field counts as
 * wrong; an abstention on an unmappable column counts as right) and calibration (accuracy per
 * confidence bucket). Tune on `dev`; the figure that counts is `test`. `--verbose` lists every miss.
 */
const write = (line = "") => process.stdout.write(`${line}\n`);
const verbose = process.argv.includes("--verbose");
const sets: HeaderSet[] = [...headerSetsEnEs, ...headerSetsDeFr, ...headerSetsPtMixed];

interface Outcome {
  isCorrect: boolean;
  confidence: number;
  hasAbstained: boolean;
}

function evaluate(set: HeaderSet): Outcome[] {
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
    const isCorrect = decision.field === expected;
    if (verbose && !isCorrect) {
      write(
        `  ${set.split} ${set.id}: "${decision.column}" → ${decision.field ?? "∅"} (want ${expected ?? "∅"}) ${decision.confidence} ${decision.reason}`,
      );
    }
    return { isCorrect, confidence: decision.confidence, hasAbstained: decision.field === null };
  });
}

function report(split: HeaderSet["split"]): void {
  const chosen = sets.filter((set) => set.split === split);
  const outcomes = chosen.flatMap(evaluate);
  const correct = outcomes.filter((outcome) => outcome.isCorrect).length;
  const abstained = outcomes.filter((outcome) => outcome.hasAbstained).length;
  write(`${split}: ${chosen.length} header sets, ${outcomes.length} columns`);
  write(
    `  top-1 accuracy (abstentions counted): ${((100 * correct) / outcomes.length).toFixed(1)}% (${correct}/${outcomes.length}), abstained on ${abstained}`,
  );
  const buckets = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.01];
  for (let i = 0; i < buckets.length - 1; i += 1) {
    const low = buckets[i] as number;
    const high = buckets[i + 1] as number;
    const inBucket = outcomes.filter((outcome) => outcome.confidence >= low && outcome.confidence < high);
    if (inBucket.length === 0) continue;
    const hits = inBucket.filter((outcome) => outcome.isCorrect).length;
    write(
      `  confidence [${low.toFixed(2)}, ${Math.min(high, 1).toFixed(2)}${high > 1 ? "]" : ")"}: ${inBucket.length} columns, ${((100 * hits) / inBucket.length).toFixed(1)}% correct`,
    );
  }
}

const only = process.argv.find((arg) => arg.startsWith("--split="))?.slice("--split=".length);
if (only !== "test") report("dev");
if (only !== "dev") report("test");
