import { performance } from "node:perf_hooks";
import { getDocumentProxy } from "unpdf";
import {
  type ResumeTemplate,
  renderDocx,
  renderHtml,
  renderPdf,
  resumeTemplates,
  toResumeModel,
} from "../src/index";
import { germanProfile, roundTripProfiles } from "../src/testing/profiles";

// A typical two-page résumé: the German profile plus the jobs, projects and skills of the fixtures.
const others = roundTripProfiles.map((entry) => entry.profile).filter((profile) => profile !== germanProfile);
const profile = {
  ...germanProfile,
  experiences: [...germanProfile.experiences, ...others.flatMap((other) => other.experiences)].slice(0, 9),
  projects: [...germanProfile.projects, ...others.flatMap((other) => other.projects)],
  skills: [...germanProfile.skills, ...others.flatMap((other) => other.skills)],
};
const model = toResumeModel(profile);
const iterations = 60;
const warmup = 5;

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * share) - 1)] ?? Number.NaN;
}

async function measure(label: string, work: () => unknown): Promise<void> {
  for (let round = 0; round < warmup; round += 1) await work();
  const times: number[] = [];
  // CPU time too: on a shared machine wall-clock percentiles mostly measure the neighbours.
  const cpuStart = process.cpuUsage();
  for (let round = 0; round < iterations; round += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuStart);
  const cpuMean = (cpu.user + cpu.system) / 1000 / iterations;
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 0.5).toFixed(2);
  const p99 = percentile(times, 0.99).toFixed(2);
  console.log(`${label.padEnd(16)} p50 ${p50} ms  p99 ${p99} ms  cpu mean ${cpuMean.toFixed(2)} ms`);
}

// The process's first PDF parses the fonts and shapes every word; later ones reuse both.
const firstStart = performance.now();
const firstPdf = await renderPdf(model, "classic");
const firstMs = performance.now() - firstStart;
const pages = (await getDocumentProxy(new Uint8Array(firstPdf))).numPages;
console.log(
  `résumé: ${model.experiences.length} jobs, ${pages} PDF pages (classic), ${iterations} runs after ${warmup} warm-up; ` +
    `first PDF of the process ${firstMs.toFixed(1)} ms`,
);
for (const template of resumeTemplates as readonly ResumeTemplate[]) {
  await measure(`html ${template}`, () => renderHtml(model, template));
  await measure(`pdf ${template}`, () => renderPdf(model, template));
  await measure(`docx ${template}`, () => renderDocx(model, template));
}
await measure("toResumeModel", () => toResumeModel(profile));
