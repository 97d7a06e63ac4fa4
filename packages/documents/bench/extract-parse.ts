import { renderPdfkit } from "../fixtures/lib/render-pdf";
import { anaSouza } from "../fixtures/lib/resume-sources";
import { extractText, parseResumeHeuristic } from "../src/index";

// Throughput of the worker's basic path for one two-page PDF: sandboxed extraction (a forked child per
// document, as in production) plus the heuristic parse. Prints figures; asserts nothing.
const limits = { timeoutMs: 20_000, maxMemoryMb: 256 };
const sequentialRuns = 30;
const concurrentRuns = 60;
const concurrency = 4;

const pdf = await renderPdfkit(anaSouza, { repeat: 2 });

async function once(): Promise<number> {
  const extracted = await extractText(pdf, "pdf", limits);
  const profile = parseResumeHeuristic(extracted.text);
  if (profile.experiences.length === 0) throw new Error("parse found no experience");
  return extracted.peakRssBytes ?? 0;
}

const warm = await extractText(pdf, "pdf", limits);
const peaks: number[] = [];

let started = performance.now();
for (let run = 0; run < sequentialRuns; run += 1) peaks.push(await once());
const sequentialMs = performance.now() - started;

started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < concurrentRuns) {
      next += 1;
      peaks.push(await once());
    }
  }),
);
const concurrentMs = performance.now() - started;

const parseRuns = 2000;
started = performance.now();
for (let run = 0; run < parseRuns; run += 1) parseResumeHeuristic(warm.text);
const parseMs = (performance.now() - started) / parseRuns;

const perMinute = (runs: number, ms: number) => ((runs / ms) * 60_000).toFixed(0);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const sorted = [...peaks].sort((a, b) => a - b);
console.log(`document: ${pdf.length} bytes, ${warm.pages} pages, ${warm.text.length} characters of text`);
console.log(
  `sequential:    ${perMinute(sequentialRuns, sequentialMs)} documents/min (${(sequentialMs / sequentialRuns).toFixed(0)} ms each, ${sequentialRuns} runs)`,
);
console.log(
  `concurrency ${concurrency}: ${perMinute(concurrentRuns, concurrentMs)} documents/min (${concurrentRuns} runs)`,
);
console.log(`heuristic parse alone: ${parseMs.toFixed(2)} ms per document`);
console.log(
  `extraction child peak RSS: median ${mb(sorted[Math.floor(sorted.length / 2)] ?? 0)} MiB, max ${mb(sorted.at(-1) ?? 0)} MiB`,
);
