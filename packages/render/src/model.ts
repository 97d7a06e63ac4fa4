import type { Education, Experience, Profile, Project, Skill } from "@vitae/documents/profile";
import { type SafeUrl, toSafeUrl } from "./links";

type WithOptionalId<T> = T & { id?: string };

/**
 * What {@link toResumeModel} reads: the documents contract's `Profile`, or the database's `ProfileView`
 * (the same fields with a fact `id` on each list entry, which the model keeps as `factId`).
 */
export interface ResumeProfile extends Omit<Profile, "experiences" | "education" | "projects" | "skills"> {
  experiences: readonly WithOptionalId<Experience>[];
  education: readonly WithOptionalId<Education>[];
  projects: readonly WithOptionalId<Project>[];
  skills: readonly WithOptionalId<Skill>[];
}

/** A piece of contact text and, only when its scheme is allowed, the link it points to. */
export interface ResumeLink {
  text: string;
  href: SafeUrl | null;
}

/** One job as every template prints it. */
export interface ResumeExperience {
  factId: string | null;
  title: string;
  company: string;
  location: string | null;
  /** "Jan 2020 – Present"; `null` when the profile has no dates. */
  dates: string | null;
  bullets: string[];
  technologies: string[];
}

/** One education entry as every template prints it. */
export interface ResumeEducation {
  factId: string | null;
  school: string;
  /** "MSc in Computer Science", the degree or the field alone, or `null`. */
  degree: string | null;
  /** "2012 – 2014"; `null` when the profile has no dates. */
  dates: string | null;
}

/** One project; its link is live only when its target is safe. */
export interface ResumeProject {
  factId: string | null;
  name: string;
  description: string | null;
  link: ResumeLink | null;
  technologies: string[];
}

/** Skills of one taxonomy category, in profile order, without duplicates. */
export interface ResumeSkillGroup {
  /** A printable label ("Languages", "Databases", "Other"). */
  label: string;
  names: string[];
}

/**
 * The one typed résumé every renderer draws. All text is plain (no markup), single-line fields have no
 * line breaks, control and bidirectional-override characters are removed, and every link target has
 * already passed {@link toSafeUrl}. Renderers only lay it out; none of them decides what is safe.
 */
export interface ResumeModel {
  name: string | null;
  headline: string | null;
  summary: string[];
  contact: ResumeLink[];
  experiences: ResumeExperience[];
  education: ResumeEducation[];
  projects: ResumeProject[];
  skills: ResumeSkillGroup[];
}

// C0/C1 controls (NUL included), DEL, and the bidi embeddings/overrides/isolates used to spoof text
// direction ("U+202E gnp.exe"); natural right-to-left text does not need them.
// U+FFFE/U+FFFF are not characters at all (and not allowed in the DOCX's XML).
const invisible = /[\p{Cc}\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/gu;

// A lone surrogate cannot be encoded in UTF-8 or XML: it becomes U+FFFD.
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Plain single-line text: invisible characters removed, whitespace runs collapsed. */
export function cleanLine(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  // Whitespace (line breaks included) becomes one space first; the remaining controls are then dropped.
  const cleaned = text.replace(loneSurrogate, "\ufffd").replace(/\s+/gu, " ").replace(invisible, "").trim();
  return cleaned === "" ? null : cleaned;
}

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// "Mon YYYY" is what the heuristic parser (and people) read back unambiguously in every locale.
function formatMonth(value: string): string {
  const month = months[Number(value.slice(5, 7)) - 1];
  return month === undefined ? value.slice(0, 4) : `${month} ${value.slice(0, 4)}`;
}

function formatRange(
  start: string | null,
  end: string | null,
  format: (value: string) => string,
): string | null {
  const from = start === null ? null : format(start);
  const to = end === null ? null : end === "present" ? "Present" : format(end);
  if (from === null) return to;
  return to === null ? from : `${from} – ${to}`;
}

const skillLabels: Readonly<Record<string, string>> = {
  language: "Languages",
  framework: "Frameworks",
  runtime: "Runtimes",
  database: "Databases",
  cloud: "Cloud",
  devops: "DevOps",
  "data-ml": "Data & ML",
  messaging: "Messaging",
  mobile: "Mobile",
  testing: "Testing",
  tool: "Tools",
  methodology: "Methods",
  protocol: "Protocols",
  platform: "Platforms",
  security: "Security",
  other: "Other",
};

function groupSkills(skills: readonly Skill[]): ResumeSkillGroup[] {
  const groups = new Map<string, ResumeSkillGroup>();
  for (const skill of skills) {
    const name = cleanLine(skill.name);
    if (name === null) continue;
    const category = cleanLine(skill.category)?.toLowerCase() ?? "other";
    const label = skillLabels[category] ?? skillLabels.other ?? "Other";
    const group = groups.get(label) ?? { label, names: [] };
    if (!group.names.includes(name)) group.names.push(name);
    groups.set(label, group);
  }
  return [...groups.values()];
}

const lines = (items: readonly string[]) => items.flatMap((item) => cleanLine(item) ?? []);

function contactLinks(contact: Profile["contact"]): ResumeLink[] {
  const links: ResumeLink[] = [];
  const email = cleanLine(contact.email);
  if (email !== null) links.push({ text: email, href: toSafeUrl(`mailto:${email}`) });
  const phone = cleanLine(contact.phone);
  if (phone !== null) links.push({ text: phone, href: null });
  const location = cleanLine(contact.location);
  if (location !== null) links.push({ text: location, href: null });
  for (const link of lines(contact.links)) links.push({ text: link, href: toSafeUrl(link) });
  return links;
}

/**
 * The résumé model of a profile: fields cleaned, dates formatted ("Jan 2020 – Present"), skills grouped
 * by category, links resolved to safe targets, entries without their required text dropped. Pure.
 */
export function toResumeModel(profile: ResumeProfile): ResumeModel {
  return {
    name: cleanLine(profile.name),
    headline: cleanLine(profile.headline),
    summary: lines((profile.summary ?? "").split(/\n\s*\n/u)),
    contact: contactLinks(profile.contact),
    experiences: profile.experiences.flatMap((experience) => {
      const title = cleanLine(experience.title);
      const company = cleanLine(experience.company);
      if (title === null || company === null) return [];
      return [
        {
          factId: experience.id ?? null,
          title,
          company,
          location: cleanLine(experience.location),
          dates: formatRange(experience.start, experience.end, formatMonth),
          bullets: lines(experience.bullets),
          technologies: lines(experience.technologies),
        },
      ];
    }),
    education: profile.education.flatMap((entry) => {
      const school = cleanLine(entry.school);
      if (school === null) return [];
      const degree = cleanLine(entry.degree);
      const field = cleanLine(entry.field);
      return [
        {
          factId: entry.id ?? null,
          school,
          degree: degree !== null && field !== null ? `${degree} in ${field}` : (degree ?? field),
          // Education months are usually unknown (a year alone is stored as January): print years.
          dates: formatRange(entry.start, entry.end, (value) => value.slice(0, 4)),
        },
      ];
    }),
    projects: profile.projects.flatMap((project) => {
      const name = cleanLine(project.name);
      if (name === null) return [];
      const url = cleanLine(project.url);
      return [
        {
          factId: project.id ?? null,
          name,
          description: cleanLine(project.description),
          link: url === null ? null : { text: url, href: toSafeUrl(url) },
          technologies: lines(project.technologies),
        },
      ];
    }),
    skills: groupSkills(profile.skills),
  };
}
