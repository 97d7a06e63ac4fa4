import { exportProfile, settledExport } from "../test/exports";
import { startTestApi } from "../test/harness";
import { createWorkspace, signUp } from "../test/identity";
import { uploadProfile } from "../test/matches";

/**
 * `pnpm bench:export`: exports one stored profile end to end — `exports.create` over HTTP, the
 * `exports.render-profile` job on the API's in-process worker, the object stored, `exports.byId` reporting
 * `ready` with its download — BENCH_EXPORTS times per format (default 30, after 3 warm-up runs), one at a
 * time, and prints p50/p99 wall time per format plus the process CPU per export.
 */
const runs = Number(process.env.BENCH_EXPORTS ?? 30);
const warmup = 3;
const formats = ["html", "pdf", "docx"] as const;

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * share) - 1)] ?? Number.NaN;
}

// Each export counts against the upload tier (10 an hour on the free plan); the bench measures rendering.
const api = await startTestApi({ env: { RATE_LIMIT_UPLOAD_FREE: "100000/1h" } });
try {
  const owner = await signUp(api, "Bench");
  await createWorkspace(api, owner, "Bench Co");
  const profileId = await uploadProfile(api, owner, "marcus-lee");
  const exportOnce = async (format: (typeof formats)[number]) => {
    const exportId = await exportProfile(api, owner, { profileId, format });
    const settled = await settledExport(api, owner, exportId);
    if (settled.status !== "ready" || settled.download === undefined) {
      throw new Error(`export ${exportId} ended ${JSON.stringify(settled)}`);
    }
  };
  for (const format of formats) {
    for (let round = 0; round < warmup; round += 1) await exportOnce(format);
    const times: number[] = [];
    const cpuStart = process.cpuUsage();
    for (let round = 0; round < runs; round += 1) {
      const started = performance.now();
      await exportOnce(format);
      times.push(performance.now() - started);
    }
    const cpu = process.cpuUsage(cpuStart);
    times.sort((a, b) => a - b);
    console.log(
      `export ${format.padEnd(4)} end to end (create → job → stored → ready): ` +
        `p50 ${percentile(times, 0.5).toFixed(1)} ms  p99 ${percentile(times, 0.99).toFixed(1)} ms  ` +
        `process cpu ${((cpu.user + cpu.system) / 1000 / runs).toFixed(1)} ms/export (${runs} runs)`,
    );
  }
} finally {
  await api.cleanup();
}
