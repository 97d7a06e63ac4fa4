import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { createExtractionPool } from "../../src/extract/child-pool";
import { readResume } from "../../src/read/read-resume";
import { corpusFileName, type ResumeLabel } from "./labels";
import { addScores, emptyScores, type Scores, scoreProfile } from "./score";

export type CorpusSplit = "dev" | "test";

/** Field tallies of one split: overall, per layout and per rendering engine. */
export interface Evaluation {
  count: number;
  overall: Scores;
  byLayout: Map<string, Scores>;
  byEngine: Map<string, Scores>;
}

const corpusDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const splitSchema = z.object({ dev: z.array(z.string()), test: z.array(z.string()) });

/** Reads every résumé of the split through `readResume` (pooled sandbox children) and scores it against its label. */
export async function evaluateSplit(split: CorpusSplit): Promise<Evaluation> {
  const labels = JSON.parse(await readFile(join(corpusDir, "labels.json"), "utf8")) as ResumeLabel[];
  const ids = new Set(
    splitSchema.parse(JSON.parse(await readFile(join(corpusDir, "split.json"), "utf8")))[split],
  );
  const evaluation: Evaluation = {
    count: ids.size,
    overall: emptyScores(),
    byLayout: new Map(),
    byEngine: new Map(),
  };
  const into = (map: Map<string, Scores>, key: string) => {
    const scores = map.get(key) ?? emptyScores();
    map.set(key, scores);
    return scores;
  };
  // Pooled children, as the worker reads: the child's start is paid once, not once per résumé.
  const pool = createExtractionPool({ size: 1 });
  try {
    for (const label of labels.filter((entry) => ids.has(entry.id))) {
      const file = corpusFileName(label.id, label.engine);
      const bytes = new Uint8Array(await readFile(join(corpusDir, "files", file)));
      const kind = file.endsWith(".pdf") ? "pdf" : file.endsWith(".docx") ? "docx" : "txt";
      const read = await readResume(bytes, kind, { timeoutMs: 30_000, maxMemoryMb: 256, pool });
      const scores = scoreProfile(label, read.heuristic.profile);
      addScores(evaluation.overall, scores);
      addScores(into(evaluation.byLayout, label.layout), scores);
      addScores(into(evaluation.byEngine, label.engine), scores);
    }
  } finally {
    await pool.close();
  }
  return evaluation;
}
