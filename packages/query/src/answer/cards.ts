import { categoryOf } from "../technologies";
import type { AskProfile, Card, Fact, Source, TextSpan } from "../types";

const categoryLabels: Record<string, string> = {
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
  methodology: "Practices",
  protocol: "Protocols",
  platform: "Platforms",
  security: "Security",
};

export function categoryLabel(category: string): string {
  return categoryLabels[category] ?? category.charAt(0).toUpperCase() + category.slice(1);
}

/** Skill category as the profile states it, falling back to the taxonomy's. */
export function skillCategory(profile: AskProfile, factId: string, name: string): string {
  return profile.skills.find((skill) => skill.id === factId)?.category || categoryOf(name);
}

/** Cards for the cited facts, in citation order; skills are grouped by category into one card each. */
export function buildCards(profile: AskProfile, cited: Fact[]): Card[] {
  const cards: Card[] = [];
  const groups = new Map<string, { skills: string[]; factIds: string[] }>();
  for (const fact of cited) {
    if (fact.kind === "experience") {
      const job = profile.experiences.find((item) => item.id === fact.id);
      if (job) {
        cards.push({
          type: "experience",
          factId: job.id,
          company: job.company,
          title: job.title,
          start: job.start,
          end: job.end,
          technologies: job.technologies,
        });
      }
    } else if (fact.kind === "education") {
      const school = profile.education.find((item) => item.id === fact.id);
      if (school) {
        cards.push({
          type: "education",
          factId: school.id,
          school: school.school,
          degree: school.degree,
          field: school.field,
          start: school.start,
          end: school.end,
        });
      }
    } else if (fact.kind === "project") {
      const project = profile.projects.find((item) => item.id === fact.id);
      if (project) {
        cards.push({
          type: "project",
          factId: project.id,
          name: project.name,
          description: project.description,
          url: project.url,
          technologies: project.technologies,
        });
      }
    } else if (fact.kind === "skill" && fact.entity) {
      const category = skillCategory(profile, fact.id, fact.entity);
      const group = groups.get(category) ?? { skills: [], factIds: [] };
      group.skills.push(fact.entity);
      group.factIds.push(fact.id);
      groups.set(category, group);
    }
  }
  for (const [category, group] of groups) cards.push({ type: "skill-group", category, ...group });
  return cards;
}

export function buildSources(cited: Fact[], spans: Map<string, TextSpan[]> = new Map()): Source[] {
  return cited.map((fact) => {
    const cites = spans.get(fact.id);
    return {
      factId: fact.id,
      kind: fact.kind,
      label: sourceLabel(fact),
      ...(cites && cites.length > 0 ? { spans: cites } : {}),
    };
  });
}

function sourceLabel(fact: Fact): string {
  if (fact.kind === "summary") return "Summary";
  if (fact.kind === "contact") return "Contact details";
  if (fact.entity === null) return `${fact.kind.charAt(0).toUpperCase()}${fact.kind.slice(1)}`;
  if (fact.kind === "experience") return fact.text.split(". ")[0] ?? fact.entity ?? fact.id;
  return fact.entity ?? fact.id;
}
