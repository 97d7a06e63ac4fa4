import type { AskProfile, Fact } from "./types";
import { formatSpan } from "./year-month";

export function summaryFactId(profile: Pick<AskProfile, "id">): string {
  return `${profile.id}:summary`;
}

export function contactFactId(profile: Pick<AskProfile, "id">): string {
  return `${profile.id}:contact`;
}

/** The list sections of a profile, each one citable fact (`<profileId>:<key>`). */
export const listSections = ["certifications", "awards", "publications", "volunteering"] as const;
export type ListSection = (typeof listSections)[number];

/** The fact id of the profile's spoken languages or of one list section. */
export function sectionFactId(profile: Pick<AskProfile, "id">, key: "languages" | ListSection): string {
  return `${profile.id}:${key}`;
}

/** "German (native)", or the name alone when no level is given. */
export const languageWithLevel = (spoken: { name: string; level: string | null }) =>
  spoken.level ? `${spoken.name} (${spoken.level})` : spoken.name;

/**
 * Flattens a profile into citable facts, in profile order. Pure and deterministic: the same profile
 * always yields the same ids, so answers can cite them across turns.
 */
export function profileFacts(profile: AskProfile): Fact[] {
  const facts: Fact[] = [];
  if (profile.summary || profile.headline) {
    facts.push({
      id: summaryFactId(profile),
      kind: "summary",
      text: [profile.headline, profile.summary].filter(Boolean).join(". "),
      technologies: [],
      start: null,
      end: null,
      entity: null,
    });
  }
  const { email, phone, location, links } = profile.contact;
  if (email || phone || location || links.length > 0) {
    facts.push({
      id: contactFactId(profile),
      kind: "contact",
      text: [email, phone, location, ...links].filter(Boolean).join(" · "),
      technologies: [],
      start: null,
      end: null,
      entity: null,
    });
  }
  for (const job of profile.experiences) {
    facts.push({
      id: job.id,
      kind: "experience",
      text: [
        `${job.title} at ${job.company}`,
        formatSpan(job.start, job.end),
        job.location,
        ...job.bullets,
        job.technologies.join(", "),
      ]
        .filter(Boolean)
        .join(". "),
      technologies: job.technologies,
      start: job.start,
      end: job.end,
      entity: job.company,
    });
  }
  for (const school of profile.education) {
    facts.push({
      id: school.id,
      kind: "education",
      text: [school.degree, school.field, school.school, formatSpan(school.start, school.end)]
        .filter(Boolean)
        .join(", "),
      technologies: [],
      start: school.start,
      end: school.end,
      entity: school.school,
    });
  }
  for (const project of profile.projects) {
    facts.push({
      id: project.id,
      kind: "project",
      text: [project.name, project.description, project.url, project.technologies.join(", ")]
        .filter(Boolean)
        .join(". "),
      technologies: project.technologies,
      start: null,
      end: null,
      entity: project.name,
    });
  }
  if (profile.languages && profile.languages.length > 0) {
    facts.push({
      id: sectionFactId(profile, "languages"),
      kind: "languages",
      text: profile.languages.map(languageWithLevel).join(", "),
      technologies: [],
      start: null,
      end: null,
      entity: null,
    });
  }
  for (const key of listSections) {
    const entries = profile[key] ?? [];
    if (entries.length === 0) continue;
    facts.push({
      id: sectionFactId(profile, key),
      kind: key,
      text: entries.join(". "),
      technologies: [],
      start: null,
      end: null,
      entity: null,
    });
  }
  for (const skill of profile.skills) {
    facts.push({
      id: skill.id,
      kind: "skill",
      text: `${skill.name} (${skill.category})${skill.raw && skill.raw !== skill.name ? `: ${skill.raw}` : ""}`,
      technologies: [skill.name],
      start: null,
      end: null,
      entity: skill.name,
    });
  }
  return facts;
}

/** Every canonical technology the profile mentions anywhere (skills, jobs, projects). */
export function profileTechnologies(profile: AskProfile): Set<string> {
  const names = new Set<string>();
  for (const skill of profile.skills) names.add(skill.name);
  for (const job of profile.experiences) for (const name of job.technologies) names.add(name);
  for (const project of profile.projects) for (const name of project.technologies) names.add(name);
  return names;
}
