import { execFileSync } from "node:child_process";
import { join } from "node:path";

/**
 * `pnpm bench:map`: sniff → profile/map → validate (two passes: references) → CSV export to a discard
 * sink, for a generated 1,000,000-row × 12-column CSV and a 200,000-row XLSX, each in its own process.
 * Goals: CSV ≥ 100,000 rows/s with peak RSS ≤ 300 MB; XLSX ≤ 10 s. Inputs are generated once into
 * node_modules/.cache/tabular-bench (generation is not timed).
 */
const write = (line = "") => process.stdout.write(`${line}\n`);
/**
 * The V8 flags the worker process (`apps/worker` `start`) runs import jobs with: the young generation
 * capped at 16 MB per semi-space. `--node-defaults` measures without them, for comparison.
 */
const workerFlags = process.argv.includes("--node-defaults") ? [] : ["--max-semi-space-size=16"];
const runCase = join(import.meta.dirname, "run-case.ts");
for (const [kind, rows] of [
  ["csv", 1_000_000],
  ["xlsx", 200_000],
] as const) {
  const generate = ["--import", "tsx", join(import.meta.dirname, "prepare.ts"), kind, String(rows)];
  execFileSync(process.execPath, generate, { stdio: "inherit" });
  const output = execFileSync(
    process.execPath,
    [...workerFlags, "--import", "tsx", runCase, kind, String(rows)],
    {
      encoding: "utf8",
    },
  );
  const result = JSON.parse(output) as {
    rows: number;
    rowsPerSecond: number;
    peakRssMb: number;
    seconds: { total: number };
  };
  write(
    `${kind} (${workerFlags.join(" ") || "node defaults"}): ${result.rows.toLocaleString("en")} rows in ${result.seconds.total.toFixed(1)} s — ${result.rowsPerSecond.toLocaleString("en")} rows/s, peak RSS ${result.peakRssMb} MB`,
  );
  write(`  ${output.trim()}`);
}
