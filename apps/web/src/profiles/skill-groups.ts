export interface SkillLike {
  name: string;
  category: string;
}

export interface SkillGroup<Skill extends SkillLike> {
  category: string;
  label: string;
  skills: Skill[];
}

// Taxonomy categories are machine names ("devops", "ml"); these read better. Unknown ones are title-cased.
const categoryLabels: Record<string, string> = {
  language: "Languages",
  languages: "Languages",
  framework: "Frameworks",
  frameworks: "Frameworks",
  database: "Databases",
  databases: "Databases",
  devops: "DevOps",
  cloud: "Cloud",
  ml: "Machine learning",
  ai: "AI",
  tool: "Tools",
  tools: "Tools",
  frontend: "Frontend",
  backend: "Backend",
  mobile: "Mobile",
  testing: "Testing",
  data: "Data",
  security: "Security",
  other: "Other",
};

export function categoryLabel(category: string): string {
  const known = categoryLabels[category.toLowerCase()];
  if (known !== undefined) return known;
  const words = category.replace(/[-_]+/g, " ").trim();
  return words === "" ? "Other" : `${words[0]?.toUpperCase() ?? ""}${words.slice(1)}`;
}

/**
 * Skills grouped by category: groups alphabetical by label with "Other" last, skills alphabetical
 * within a group, duplicates (same canonical name) shown once.
 */
export function groupSkills<Skill extends SkillLike>(skills: readonly Skill[]): SkillGroup<Skill>[] {
  const groups = new Map<string, SkillGroup<Skill>>();
  for (const skill of skills) {
    const label = categoryLabel(skill.category);
    const group = groups.get(label) ?? { category: skill.category, label, skills: [] };
    if (!group.skills.some((existing) => existing.name.toLowerCase() === skill.name.toLowerCase())) {
      group.skills.push(skill);
    }
    groups.set(label, group);
  }
  return [...groups.values()]
    .map((group) => ({ ...group, skills: [...group.skills].sort((a, b) => a.name.localeCompare(b.name)) }))
    .sort((a, b) => {
      if (a.label === "Other") return 1;
      if (b.label === "Other") return -1;
      return a.label.localeCompare(b.label);
    });
}

/**
 * Skills in the order given (a tailored version's: most relevant to its posting first), each canonical
 * name once — where grouping would hide the order tailoring chose.
 */
export function orderedSkills<Skill extends SkillLike>(skills: readonly Skill[]): Skill[] {
  const seen = new Set<string>();
  return skills.filter((skill) => {
    const key = skill.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
