import { renderPdfkit } from "../fixtures/lib/render-pdf";
import { renderText } from "../fixtures/lib/render-text";
import { anaSouza } from "../fixtures/lib/resume-sources";
import {
  createExtractionPool,
  type DocumentKind,
  type ExtractionPool,
  extractText,
  parseResumeHeuristic,
  readResume,
} from "../src/index";

// Throughput of the worker's basic path for one résumé, as a two-page PDF and as TXT: `readResume` (what
// the worker runs: extraction, screening and the heuristic parse in one sandboxed child per document)
// against extraction alone followed by the parse in the host (the path before parsing moved into the
// child), and `readResume` in pooled children (what the worker runs since the pool: the child's start is
// paid once per child, not once per document). Also the host thread's CPU per document: what a document costs the event loop. Prints figures;
// asserts nothing.
const limits = { timeoutMs: 20_000, maxMemoryMb: 256 };
const sequentialRuns = 8;
const concurrentRuns = 16;
const concurrency = 4;

const pdf = await renderPdfkit(anaSouza, { repeat: 2 });
const txt = Buffer.from(renderText(anaSouza));

const hostCpuMs = () => {
  const usage = process.threadCpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function inHost(bytes: Uint8Array, kind: DocumentKind): Promise<number> {
  const extracted = await extractText(bytes, kind, limits);
  if (parseResumeHeuristic(extracted.text).experiences.length === 0) throw new Error("no experience");
  return extracted.peakRssBytes ?? 0;
}

async function inChild(bytes: Uint8Array, kind: DocumentKind, pool?: ExtractionPool): Promise<number> {
  const read = await readResume(bytes, kind, pool === undefined ? limits : { ...limits, pool });
  if (read.heuristic.profile.experiences.length === 0) throw new Error("no experience");
  return read.peakRssBytes ?? 0;
}

async function measure(label: string, run: () => Promise<number>, parallel: number, runs: number) {
  const peaks: number[] = [];
  const cpuBefore = hostCpuMs();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < runs) {
        next += 1;
        peaks.push(await run());
      }
    }),
  );
  const ms = performance.now() - started;
  const perMinute = ((runs / ms) * 60_000).toFixed(0);
  const hostCpu = ((hostCpuMs() - cpuBefore) / runs).toFixed(1);
  const peak = ((peaks.sort((a, b) => a - b)[Math.floor(peaks.length / 2)] ?? 0) / 1024 / 1024).toFixed(0);
  console.log(
    `${label.padEnd(34)} ${perMinute.padStart(5)} documents/min · host CPU ${hostCpu} ms/document · child peak RSS ${peak} MiB`,
  );
}

await inChild(txt, "txt");
console.log(`documents: PDF ${pdf.length} bytes (two pages), TXT ${txt.length} bytes`);
for (const [kind, bytes] of [
  ["pdf", pdf],
  ["txt", txt],
] as const) {
  await measure(`${kind} extract + parse in host, seq`, () => inHost(bytes, kind), 1, sequentialRuns);
  await measure(`${kind} readResume (child), seq`, () => inChild(bytes, kind), 1, sequentialRuns);
  await measure(
    `${kind} readResume (child), ×${concurrency}`,
    () => inChild(bytes, kind),
    concurrency,
    concurrentRuns,
  );
  const pool = createExtractionPool({ size: concurrency });
  try {
    await measure(`${kind} readResume (pooled), seq`, () => inChild(bytes, kind, pool), 1, sequentialRuns);
    await measure(
      `${kind} readResume (pooled), ×${concurrency}`,
      () => inChild(bytes, kind, pool),
      concurrency,
      concurrentRuns,
    );
  } finally {
    await pool.close();
  }
}
