import type { ResumeExperience } from "./model";

/** The closed list of résumé templates; every renderer draws each of them. */
export const resumeTemplates = ["classic", "modern"] as const;

export type ResumeTemplate = (typeof resumeTemplates)[number];

/** Colours and type sizes (points) one template uses in every format. */
export interface Theme {
  /** Six hex digits, no `#`. */
  accent: string;
  text: string;
  muted: string;
  nameSize: number;
  headingSize: number;
  bodySize: number;
  /** Classic prints "EXPERIENCE"; modern "Experience". */
  uppercaseHeadings: boolean;
}

/** The theme of each template (PDF and DOCX read it directly; the HTML stylesheets are built from it). */
export const themes: Readonly<Record<ResumeTemplate, Theme>> = {
  classic: {
    accent: "222222",
    text: "222222",
    muted: "555555",
    nameSize: 20,
    headingSize: 11.5,
    bodySize: 10,
    uppercaseHeadings: true,
  },
  modern: {
    accent: "1F6F8B",
    text: "1E2A32",
    muted: "5A6B75",
    nameSize: 24,
    headingSize: 12.5,
    bodySize: 10,
    uppercaseHeadings: false,
  },
};

/** Section headings in résumé order; wording the heuristic parser (and recruiters) recognise. */
export const sectionTitles = {
  summary: "Summary",
  experience: "Experience",
  education: "Education",
  projects: "Projects",
  skills: "Skills",
} as const;

/** A section heading as the template prints it. */
export function headingText(template: ResumeTemplate, title: string): string {
  return themes[template].uppercaseHeadings ? title.toUpperCase() : title;
}

/**
 * The two header lines of a job in every format. Classic: "Title | Company" over "dates | location";
 * modern: "Title" over "Company | dates | location". The title always comes first and fields are
 * separated by " | ", the layout extraction and parsing read back without guessing.
 */
export function experienceLines(
  template: ResumeTemplate,
  experience: ResumeExperience,
): { first: string[]; second: string } {
  const meta = [experience.dates, experience.location].filter((part): part is string => part !== null);
  if (template === "classic") {
    return { first: [experience.title, experience.company], second: meta.join(" | ") };
  }
  return { first: [experience.title], second: [experience.company, ...meta].join(" | ") };
}
