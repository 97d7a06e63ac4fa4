import { evaluate } from "./evaluate";
import { evaluateLlmPath } from "./llm-path";

const report = evaluate();
const line = (text: string) => process.stdout.write(`${text}\n`);
for (const split of ["dev", "test"] as const) {
  const r = report[split];
  line(`${split}: ${r.pairs} pairs, ${r.gold} labelled requirements, ${r.predicted} extracted`);
  line(`  extraction precision ${r.precision}  recall ${r.recall}  weight accuracy ${r.weightAccuracy}`);
  line(
    `  status accuracy ${r.statusAccuracy} (end to end, unextracted = wrong: ${r.statusAccuracyEndToEnd})`,
  );
  if (process.argv.includes("--errors")) for (const error of r.errors) line(`    ${error}`);
}
line(
  `verifier: ${report.fabricationsPassing.length} of ${report.fabrications} fabrications passed ${JSON.stringify(report.fabricationsPassing)}`,
);
line(
  `verifier: ${report.honestRejected.length} of ${report.honest} honest rephrasings rejected ${JSON.stringify(report.honestRejected)}`,
);
const llmPath = await evaluateLlmPath();
line(
  `LLM path (proposeRephrasings → verifier): ${llmPath.passing.length} of ${llmPath.sent} fabricating outputs passed, ${llmPath.honestRejected.length} of ${llmPath.honest} honest rejected ${JSON.stringify([...llmPath.passing, ...llmPath.honestRejected])}`,
);
