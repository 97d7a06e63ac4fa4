// `pnpm eval:parse [--split dev|test]`: reads every résumé of the corpus split through the real
// `readResume` path (the sandboxed child) and prints field precision/recall/F1 overall, per layout and
// per rendering engine. Tune on `dev` (the default); report `test`.
import { parseArgs } from "node:util";
import { z } from "zod";
import { evaluateSplit } from "./lib/evaluate";
import { f1Of, scoredFields } from "./lib/score";

const { values } = parseArgs({ options: { split: { type: "string", default: "dev" } } });
const split = z.enum(["dev", "test"]).parse(values.split);
const { count, overall, byLayout, byEngine } = await evaluateSplit(split);

const cell = (value: number) => value.toFixed(2).padStart(6);
const out: string[] = [
  `eval:parse — split ${split}, ${count} résumés`,
  "",
  "field      precision recall   F1",
];
for (const field of scoredFields) {
  const { precision, recall, f1 } = f1Of(overall[field]);
  out.push(`${field.padEnd(10)} ${cell(precision)}   ${cell(recall)} ${cell(f1)}`);
}
for (const [title, map] of [
  ["layout", byLayout],
  ["engine", byEngine],
] as const) {
  out.push(
    "",
    `F1 by ${title}`,
    `${"".padEnd(20)}${scoredFields.map((field) => field.slice(0, 6).padStart(7)).join("")}`,
  );
  for (const [key, scores] of [...map].sort(([a], [b]) => a.localeCompare(b)))
    out.push(`${key.padEnd(20)}${scoredFields.map((field) => ` ${cell(f1Of(scores[field]).f1)}`).join("")}`);
}
process.stdout.write(`${out.join("\n")}\n`);
