/**
 * Per-stage latency of ask() in basic mode over the evaluation questions (in-memory fact search), then
 * in-process throughput at 1, 10 and 50 concurrent conversations. No network, no database: this measures
 * the pipeline's own CPU cost; `pnpm bench:chat` in the API measures the full request.
 * Run: pnpm --filter @vitae/query bench
 */
import { performance } from "node:perf_hooks";
import { loadEvalSet, loadProfiles } from "../eval/fixtures";
import { ask, type StageName, stageNames } from "../src/ask";
import { createInMemoryFactSearch } from "../src/testing";
import { emptySession } from "../src/types";

const rounds = 20;
const set = loadEvalSet();
const profiles = new Map(loadProfiles().map((profile) => [profile.id, profile]));
const searchFacts = createInMemoryFactSearch([...profiles.values()]);
const now = new Date(set.now);

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
const us = (ms: number) => `${(ms * 1000).toFixed(0).padStart(6)} µs`;

async function askCase(index: number) {
  const item = set.cases[index % set.cases.length];
  const profile = item && profiles.get(item.profile);
  if (!item || !profile) throw new Error("eval set is empty");
  return ask({ question: item.question, profile, session: emptySession(), now }, { searchFacts });
}

for (let index = 0; index < set.cases.length; index += 1) await askCase(index);

const samples = new Map<StageName | "total", number[]>(
  [...stageNames, "total"].map((name) => [name as StageName, []]),
);
for (let round = 0; round < rounds; round += 1) {
  for (let index = 0; index < set.cases.length; index += 1) {
    const start = performance.now();
    const result = await askCase(index);
    samples.get("total")?.push(performance.now() - start);
    for (const stage of stageNames) samples.get(stage)?.push(result.timings[stage]);
  }
}

console.log(
  `ask() basic mode: ${set.cases.length} questions × ${rounds} rounds (refusals included; skipped stages count as 0)`,
);
console.log(`${"stage".padEnd(14)}${"p50".padStart(10)}${"p99".padStart(10)}`);
for (const [stage, values] of samples) {
  const sorted = [...values].sort((a, b) => a - b);
  console.log(
    `${stage.padEnd(14)}${us(quantile(sorted, 0.5)).padStart(10)}${us(quantile(sorted, 0.99)).padStart(10)}`,
  );
}

for (const concurrency of [1, 10, 50]) {
  const total = 2000;
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await askCase(next++);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `concurrency ${String(concurrency).padStart(2)}: ${(total / seconds).toFixed(0)} asks/s (one process, CPU-bound)`,
  );
}
