import { heldOutPools } from "./held-out-pools";
import { type CorpusLanguage, corpusLanguages } from "./locale";
import { type CorpusPools, devPools } from "./pools";
import { varietyPools } from "./variety-pools";

/** The eight layouts of the corpus (see layouts.ts for how each prints). */
export const corpusLayouts = [
  "title-at-company",
  "employer-then-title",
  "pipe",
  "two-column",
  "docx-table",
  "europass",
  "academic",
  "no-headings",
] as const;
export type CorpusLayout = (typeof corpusLayouts)[number];

export const corpusEngines = ["pdfkit", "pdf-lib", "chromium", "docx", "txt"] as const;
export type CorpusEngine = (typeof corpusEngines)[number];

/** The file a résumé is rendered to, by its engine. */
export const corpusFileName = (id: string, engine: CorpusEngine) =>
  `${id}.${engine === "docx" ? "docx" : engine === "txt" ? "txt" : `${engine}.pdf`}`;

/** How a résumé writes its dates: month names, `03/2019`, years, `2019–21`; `since` for an ongoing role. */
export type DateStyle = "month-name" | "numeric" | "year" | "year-short";

/** Ground truth of one synthetic résumé. Dates are `YYYY-MM` (a year alone is `YYYY-01`) or `present`. */
export interface ResumeLabel {
  id: string;
  layout: CorpusLayout;
  language: CorpusLanguage;
  engine: CorpusEngine;
  /** A test résumé: drawn from the held-out pools and printed with the held-out wordings. */
  heldOut: boolean;
  /** A dev résumé of the second dev pool, printed with its own wordings (variety-locale.ts). */
  variety?: true;
  dateStyle: DateStyle;
  /** The ongoing role is written "since 2021" (start only). */
  currentAsSince: boolean;
  /** Printed before the name ("Dr."); not part of `name`. */
  honorific: string | null;
  name: string;
  headline: string;
  email: string;
  phone: string;
  location: string;
  experiences: Array<{
    company: string;
    title: string;
    location: string;
    start: string;
    end: string;
    bullets: string[];
  }>;
  education: Array<{ school: string; degree: string; field: string; year: string }>;
  skills: string[];
  projects: Array<{ name: string; description: string }>;
  languages: Array<{ name: string; level: string }>;
  publications: string[];
  teaching: string[];
  certifications: string[];
}

/** mulberry32: a small seeded PRNG, so the corpus and its split are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const enginesByLayout: Readonly<Record<CorpusLayout, readonly CorpusEngine[]>> = {
  "title-at-company": ["pdfkit", "pdf-lib", "chromium", "docx", "txt", "chromium"],
  "employer-then-title": ["chromium", "pdfkit", "pdf-lib", "docx", "txt", "chromium"],
  pipe: ["pdf-lib", "chromium", "pdfkit", "txt", "docx", "pdfkit"],
  "two-column": ["chromium", "pdfkit", "pdf-lib", "chromium", "pdfkit", "pdf-lib"],
  "docx-table": ["docx", "docx", "docx", "docx", "docx", "docx"],
  europass: ["chromium", "pdfkit", "docx", "pdf-lib", "chromium", "docx"],
  academic: ["pdfkit", "chromium", "pdf-lib", "docx", "txt", "chromium"],
  "no-headings": ["txt", "pdfkit", "chromium", "pdf-lib", "docx", "txt"],
};

const dateStyles: readonly DateStyle[] = ["month-name", "numeric", "year", "year-short"];
export const perLayout = 6;

const ym = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}`;

/** Builds every label from `seed` and `pool`; the same arguments always give the same labels. */
export function buildLabels(seed: number, pool: CorpusPools = devPools, heldOut = false): ResumeLabel[] {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const pickSome = <T>(items: readonly T[], count: number): T[] => {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < count && copy.length > 0)
      out.push(copy.splice(Math.floor(random() * copy.length), 1)[0] as T);
    return out;
  };
  const people = pickSome(pool.people, pool.people.length);
  const labels: ResumeLabel[] = [];
  corpusLayouts.forEach((layout, layoutIndex) => {
    for (let n = 0; n < perLayout; n += 1) {
      const language = corpusLanguages[(n + layoutIndex) % corpusLanguages.length] as CorpusLanguage;
      const academic = layout === "academic";
      const dateStyle = pick(dateStyles);
      const name = people[labels.length % people.length] as string;
      const experienceCount = int(2, 4);
      const companies = academic
        ? pickSome(pool.researchInstitutes, experienceCount)
        : pickSome(pool.companies, experienceCount);
      const titles = pickSome(
        academic ? pool.academicTitles[language] : pool.titles[language],
        experienceCount,
      );
      const precise = dateStyle === "month-name" || dateStyle === "numeric";
      let endYear = 0;
      let endMonth = 0;
      const experiences = companies.map((company, index) => {
        const current = index === 0;
        const startYear = current ? int(2019, 2023) : endYear - int(1, 4);
        const startMonth = precise ? int(1, 12) : 1;
        const end = current ? "present" : ym(endYear, endMonth);
        const start = ym(startYear, startMonth);
        endYear = startYear - (precise ? 0 : 1);
        endMonth = precise ? Math.max(1, startMonth - 1) : 1;
        if (precise && startMonth === 1) {
          endYear -= 1;
          endMonth = 12;
        }
        return {
          company,
          title: titles[index % titles.length] as string,
          location: pick(pool.cities),
          start,
          end,
          bullets: pickSome(pool.bulletTexts, int(1, 2)),
        };
      });
      const [degree, field] = pick(pool.degrees[language]);
      const graduation = Number(experiences.at(-1)?.start.slice(0, 4)) - int(0, 1);
      const education = [{ school: pick(pool.schools[language]), degree, field, year: String(graduation) }];
      if (academic) {
        const [phd, phdField] = pool.phdDegree[language];
        education.unshift({
          school: pick(pool.researchInstitutes),
          degree: phd,
          field: phdField,
          year: String(graduation + 4),
        });
      }
      const slug = name
        .normalize("NFD")
        .replace(/[^\p{L}\s]/gu, "")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replace(/\s+/g, ".");
      labels.push({
        id: `${layout}-${n + 1}`,
        layout,
        language,
        engine: enginesByLayout[layout][n] as CorpusEngine,
        heldOut,
        dateStyle,
        currentAsSince: (language === "de" || language === "en") && random() < 0.5,
        honorific: academic ? pick(["Dr.", "Dr.", "Prof. Dr."]) : null,
        name,
        headline: academic ? (titles[0] as string) : `${titles[0]} · ${pick(pool.skills)}`,
        email: `${slug}@example.org`,
        phone: `+${int(30, 55)} ${int(100, 999)} ${int(100, 999)} ${int(1000, 9999)}`,
        location: pick(pool.cities),
        experiences,
        education,
        skills: pickSome(pool.skills, int(5, 8)),
        projects: academic
          ? []
          : pickSome(pool.projectNames, int(2, 3)).map((projectName) => ({
              name: projectName,
              description: pick(pool.projectDescriptions),
            })),
        languages: pickSome(pool.spokenLanguages[language], int(2, 3)).map(([languageName, level]) => ({
          name: languageName,
          level,
        })),
        publications: academic ? [pool.publication(name.split(" ").at(-1) as string, graduation + 5)] : [],
        teaching: academic ? [...pool.teaching] : [],
        certifications: random() < 0.4 ? [...pool.certifications] : [],
      });
    }
  });
  return labels;
}

/** Splits the corpus into dev and test by a fixed seed, half of each layout in each. */
export function splitLabels(labels: readonly ResumeLabel[], seed: number): { dev: string[]; test: string[] } {
  const random = seededRandom(seed);
  const dev: string[] = [];
  const test: string[] = [];
  for (const layout of corpusLayouts) {
    const ids = labels
      .filter((label) => label.layout === layout)
      .map((label) => ({ id: label.id, key: random() }));
    ids.sort((a, b) => a.key - b.key);
    for (const [index, entry] of ids.entries()) (index < ids.length / 2 ? dev : test).push(entry.id);
  }
  return { dev: dev.sort(), test: test.sort() };
}

/**
 * The corpus: the dev split drawn from the dev pools by `seed`, the test split's résumés (same ids, layouts,
 * languages and engines) drawn from the held-out pools by `heldOutSeed`, so no company, title, school,
 * skill, heading or month spelling of a test résumé was ever seen while tuning on dev.
 */
export function buildCorpus(seed: number, heldOutSeed: number, splitSeed: number, varietySeed: number) {
  const dev = buildLabels(seed);
  const split = splitLabels(dev, splitSeed);
  const test = new Set(split.test);
  const heldOut = new Map(buildLabels(heldOutSeed, heldOutPools, true).map((label) => [label.id, label]));
  const labels = dev.map((label) => (test.has(label.id) ? (heldOut.get(label.id) as ResumeLabel) : label));
  const variety = varietyLabels(varietySeed);
  return {
    labels: [...labels, ...variety],
    split: { dev: [...split.dev, ...variety.map((label) => label.id)].sort(), test: split.test },
  };
}

/** The layouts the second dev pool adds résumés in; it also adds every résumé it prints with Chromium. */
const varietyLayouts: ReadonlySet<CorpusLayout> = new Set(["europass", "title-at-company"]);

/**
 * Dev-only résumés from the second dev pool (variety-pools.ts), in the layouts and the engine the test
 * split scores lowest on; ids end in `v<n>` (`europass-v3`) and all of them are dev.
 */
function varietyLabels(seed: number): ResumeLabel[] {
  return buildLabels(seed, varietyPools)
    .filter((label) => varietyLayouts.has(label.layout) || label.engine === "chromium")
    .map((label) => ({ ...label, id: label.id.replace(/-(\d+)$/, "-v$1"), variety: true as const }));
}
