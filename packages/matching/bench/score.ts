import { postings } from "../eval/postings";
import { profiles } from "../eval/profiles";
import {
  extractRequirements,
  type MatchProfile,
  matchFeaturesOf,
  scoreMatchFeatures,
  scoreProfile,
} from "../src/index";

const today = new Date("2026-12-01T00:00:00Z");
const posting = postings[0]?.text ?? "";
const profile = profiles.A as MatchProfile;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
const ms = (value: number) => `${value.toFixed(3)} ms`;

function timeEach(runs: number, work: () => void): number[] {
  for (let index = 0; index < 50; index += 1) work();
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return samples;
}

const requirements = extractRequirements(posting);
const extraction = timeEach(1_000, () => extractRequirements(posting));
const scoring = timeEach(2_000, () => scoreProfile(profile, requirements, { today }));
console.log(
  `extract requirements (${posting.length} chars): p50 ${ms(percentile(extraction, 50))}  p99 ${ms(percentile(extraction, 99))}`,
);
console.log(
  `score one profile × one posting:   p50 ${ms(percentile(scoring, 50))}  p99 ${ms(percentile(scoring, 99))}`,
);

// 10,000 varied profiles: the six labelled ones with shifted dates, shuffled skills and renamed ids.
const base = Object.values(profiles);
const generated: MatchProfile[] = Array.from({ length: 10_000 }, (_, index) => {
  const source = base[index % base.length] as MatchProfile;
  const shift = index % 7;
  return {
    ...source,
    id: `g${index}`,
    experiences: source.experiences.map((experience) => ({
      ...experience,
      id: `g${index}-${experience.id}`,
      start:
        experience.start === null
          ? null
          : (`${Number(experience.start.slice(0, 4)) - shift}${experience.start.slice(4)}` as MatchProfile["experiences"][number]["start"]),
    })),
    skills: source.skills.slice(shift % 3).concat(source.skills.slice(0, shift % 3)),
  };
});
const started = performance.now();
let total = 0;
for (const candidate of generated) total += scoreProfile(candidate, requirements, { today }).score;
const seconds = (performance.now() - started) / 1000;
console.log(
  `score 10,000 profiles × one posting: ${seconds.toFixed(2)} s, ${Math.round(10_000 / seconds)} rows/s (mean score ${(total / 10_000).toFixed(1)})`,
);

// The same profiles from stored features, as rankings read them: JSON text (as Postgres returns it),
// parsed and scored. The profiles' own analysis is done once, when they are stored.
const stored = generated.map((candidate) => JSON.stringify(matchFeaturesOf(candidate)));
const fromFeatures = performance.now();
let featureTotal = 0;
stored.forEach((json, index) => {
  const features = JSON.parse(json);
  featureTotal += scoreMatchFeatures({ id: `g${index}`, features }, requirements, { today }).score;
});
const featureSeconds = (performance.now() - fromFeatures) / 1000;
console.log(
  `score 10,000 stored features × one posting (JSON parse included): ${featureSeconds.toFixed(2)} s, ` +
    `${Math.round(10_000 / featureSeconds)} rows/s, ${(seconds / featureSeconds).toFixed(1)}× the profiles' ` +
    `(mean score ${(featureTotal / 10_000).toFixed(1)}, mean ${Math.round(stored.reduce((sum, json) => sum + json.length, 0) / stored.length)} bytes)`,
);

// Hostile postings: time per character should stay flat as the input doubles (linear work).
for (const [name, unit] of [
  ["repeated words", "years experience Go Kubernetes "],
  ["bullets", "- Go, k8s, Postgres, 5+ years\n"],
  ["one long line", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"],
] as const) {
  const figures = [100_000, 200_000, 400_000].map((size) => {
    const text = unit.repeat(Math.ceil(size / unit.length));
    const t0 = performance.now();
    extractRequirements(text);
    const elapsed = performance.now() - t0;
    return `${size / 1000}k chars ${elapsed.toFixed(0)} ms (${((elapsed * 1e6) / text.length).toFixed(0)} ns/char)`;
  });
  console.log(`hostile ${name}: ${figures.join(", ")}`);
}
