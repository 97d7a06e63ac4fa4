import type { ResumeLine } from "./lines";

export type SectionKind = "summary" | "experience" | "education" | "projects" | "skills" | "other";

export interface Section {
  kind: SectionKind | "header";
  lines: ResumeLine[];
}

// Normalised heading texts (lowercase, "&" → "and", letters and spaces only).
const headings: Readonly<Record<Exclude<SectionKind, "other">, readonly string[]>> = {
  summary: [
    "summary",
    "professional summary",
    "career summary",
    "executive summary",
    "profile",
    "professional profile",
    "about",
    "about me",
    "objective",
    "career objective",
    "overview",
    "personal statement",
    "introduction",
  ],
  experience: [
    "experience",
    "work experience",
    "professional experience",
    "relevant experience",
    "employment",
    "employment history",
    "work history",
    "career history",
    "career",
    "professional background",
    "experience and employment",
    "industry experience",
    "positions held",
    "work",
  ],
  education: [
    "education",
    "academic background",
    "education and training",
    "qualifications",
    "academic qualifications",
    "education and certifications",
    "academics",
    "studies",
  ],
  projects: [
    "projects",
    "personal projects",
    "side projects",
    "selected projects",
    "key projects",
    "open source",
    "open source projects",
    "portfolio",
    "notable projects",
  ],
  skills: [
    "skills",
    "technical skills",
    "skills and tools",
    "core skills",
    "key skills",
    "technologies",
    "tech stack",
    "competencies",
    "core competencies",
    "tools",
    "expertise",
    "technical expertise",
    "skills and technologies",
    "tools and technologies",
    "technical proficiencies",
    "skills and expertise",
    "programming languages",
  ],
};

const otherHeadings = [
  "certifications",
  "certificates",
  "awards",
  "honors",
  "honours",
  "achievements",
  "publications",
  "interests",
  "hobbies",
  "references",
  "volunteering",
  "volunteer experience",
  "languages",
  "spoken languages",
  "courses",
  "activities",
  "leadership",
  "patents",
  "talks",
  "conferences",
  "additional information",
];

const kindByHeading = new Map<string, SectionKind>();
for (const [kind, texts] of Object.entries(headings) as Array<[SectionKind, readonly string[]]>) {
  for (const text of texts) kindByHeading.set(text, kind);
}
for (const text of otherHeadings) kindByHeading.set(text, "other");

function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The section a line opens, if it is a heading ("EXPERIENCE", "Work History:", "## Skills & Tools"). */
export function headingKind(line: ResumeLine): SectionKind | null {
  if (line.isBullet || line.text.length > 40) return null;
  return kindByHeading.get(normaliseHeading(line.text)) ?? null;
}

/** Splits lines into the header (before the first heading) and the sections in order. */
export function splitSections(lines: readonly ResumeLine[]): Section[] {
  const sections: Section[] = [{ kind: "header", lines: [] }];
  for (const line of lines) {
    const kind = headingKind(line);
    if (kind !== null) sections.push({ kind, lines: [] });
    else sections.at(-1)?.lines.push(line);
  }
  return sections;
}
