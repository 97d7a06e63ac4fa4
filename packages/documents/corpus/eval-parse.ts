// `pnpm eval:parse [--split dev|test]`: reads every résumé of the corpus split through the real
// `readResume` path (the sandboxed child) and prints field precision/recall/F1 overall, per layout and
// per rendering engine. Tune on `dev` (the default); report `test`.
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { readResume } from "../src/read/read-resume";
import { corpusFileName, type ResumeLabel } from "./lib/labels";
import { addScores, emptyScores, f1Of, type Scores, scoredFields, scoreProfile } from "./lib/score";

const { values } = parseArgs({ options: { split: { type: "string", default: "dev" } } });
const split = z.enum(["dev", "test"]).parse(values.split);
const here = dirname(fileURLToPath(import.meta.url));
const labels = JSON.parse(await readFile(join(here, "labels.json"), "utf8")) as ResumeLabel[];
const ids = new Set(
  z
    .object({ dev: z.array(z.string()), test: z.array(z.string()) })
    .parse(JSON.parse(await readFile(join(here, "split.json"), "utf8")))[split],
);

const overall = emptyScores();
const byLayout = new Map<string, Scores>();
const byEngine = new Map<string, Scores>();
const into = (map: Map<string, Scores>, key: string) => {
  const scores = map.get(key) ?? emptyScores();
  map.set(key, scores);
  return scores;
};
for (const label of labels.filter((entry) => ids.has(entry.id))) {
  const file = corpusFileName(label.id, label.engine);
  const bytes = new Uint8Array(await readFile(join(here, "files", file)));
  const kind = file.endsWith(".pdf") ? "pdf" : file.endsWith(".docx") ? "docx" : "txt";
  const read = await readResume(bytes, kind, { timeoutMs: 30_000, maxMemoryMb: 256 });
  const scores = scoreProfile(label, read.heuristic.profile);
  addScores(overall, scores);
  addScores(into(byLayout, label.layout), scores);
  addScores(into(byEngine, label.engine), scores);
}

const cell = (value: number) => value.toFixed(2).padStart(6);
const out: string[] = [
  `eval:parse — split ${split}, ${ids.size} résumés`,
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
