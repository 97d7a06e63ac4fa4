/**
 * Cost of ask() on hostile input: every profile × question of fixtures/adversarial.ts, in basic mode and
 * with a model that echoes its whole prompt. Prints this thread's CPU time (median of five; CPU, not
 * wall-clock, so a busy machine does not inflate it), the edit-distance cells spent and whether the work
 * budget ran out. Issue 8's attack (projectLines × sameShortWords) cost 21 s of CPU before the bounds.
 * Run: pnpm --filter @vitae/query bench:hostile
 */
import { adversarialProfiles, adversarialQuestions } from "../fixtures/adversarial";
import type { QueryLlm } from "../src/answer/llm";
import { ask } from "../src/ask";
import { createInMemoryFactSearch } from "../src/testing";
import { emptySession } from "../src/types";

const runs = 5;
const now = new Date("2025-06-15T12:00:00Z");
const searchFacts = createInMemoryFactSearch(Object.values(adversarialProfiles));
const echoLlm: QueryLlm = { complete: async (prompt) => prompt.repeat(4) };

console.log(
  `${"profile".padEnd(18)}${"question".padEnd(18)}${"mode".padEnd(6)}${"CPU ms".padStart(8)}${"cells".padStart(9)}  budget`,
);
let worst = 0;
for (const [profileName, profile] of Object.entries(adversarialProfiles)) {
  for (const [questionName, question] of Object.entries(adversarialQuestions)) {
    for (const mode of ["basic", "llm"] as const) {
      const samples: number[] = [];
      let work = { cells: 0, exhausted: false };
      for (let run = 0; run < runs; run += 1) {
        const before = process.threadCpuUsage();
        const result = await ask(
          { question, profile, session: emptySession(), now },
          { searchFacts, ...(mode === "llm" ? { llm: echoLlm } : {}) },
        );
        const spent = process.threadCpuUsage(before);
        samples.push((spent.user + spent.system) / 1000);
        work = result.analysis.work;
      }
      const median = samples.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
      worst = Math.max(worst, median);
      console.log(
        `${profileName.padEnd(18)}${questionName.padEnd(18)}${mode.padEnd(6)}${median.toFixed(2).padStart(8)}${String(work.cells).padStart(9)}  ${work.exhausted ? "spent" : "ok"}`,
      );
    }
  }
}
console.log(`worst median: ${worst.toFixed(2)} ms CPU`);
