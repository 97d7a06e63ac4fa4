import { evaluateSplit, headerSets } from "./evaluate";
import type { HeaderSet } from "./types";

/**
 * Mapping evaluation: top-1 accuracy per column (an abstention on a column that has a field counts as
 * wrong; an abstention on an unmappable column counts as right) and calibration (accuracy per
 * confidence bucket). Tune on `dev`; the figure that counts is `test`. `--verbose` lists every miss.
 */
const write = (line = "") => process.stdout.write(`${line}\n`);
const verbose = process.argv.includes("--verbose");

function report(split: HeaderSet["split"]): void {
  const outcomes = evaluateSplit(split);
  if (verbose) {
    for (const miss of outcomes.filter((outcome) => !outcome.isCorrect)) {
      write(
        `  ${split} ${miss.setId}: "${miss.column}" → ${miss.predicted ?? "∅"} (want ${miss.expected ?? "∅"}) ${miss.confidence} ${miss.reason}`,
      );
    }
  }
  const correct = outcomes.filter((outcome) => outcome.isCorrect).length;
  const abstained = outcomes.filter((outcome) => outcome.predicted === null).length;
  const sets = headerSets.filter((set) => set.split === split).length;
  write(`${split}: ${sets} header sets, ${outcomes.length} columns`);
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
