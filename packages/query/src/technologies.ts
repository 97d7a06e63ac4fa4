import {
  findTechnologies,
  normalizeTechnology,
  type TechnologyCategory,
  type TechnologyFamily,
  type TechnologyMention,
  technologiesInFamily,
  technologyFamilies,
} from "@vitae/taxonomy";

export interface TechnologyResult {
  /** Canonical names as written in the question ("k8s" → "Kubernetes", "sql" → "SQL"). */
  mentioned: string[];
  /**
   * What retrieval filters on: mentioned names, with a family-wide term ("SQL", "NoSQL", "AWS") replaced
   * by the profile's members of that family when it has any ("sql" → PostgreSQL, MySQL).
   */
  technologies: string[];
  /** Categories asked about as a whole ("which databases…", "what languages…"). */
  categories: TechnologyCategory[];
}

const categoryWords: Array<[RegExp, TechnologyCategory]> = [
  [/\bdatabases?\b|\bdata ?stores?\b|\bdbs\b/, "database"],
  [/\b(programming )?languages\b|\bwhat languages?\b/, "language"],
  [/\bframeworks?\b|\blibraries\b/, "framework"],
  [/\bcloud (platforms?|providers?|services?|experience)\b|\bwhich clouds?\b/, "cloud"],
  [/\bdevops\b|\binfrastructure\b|\bci\/cd\b/, "devops"],
  [/\b(machine learning|data science|ml|ai) (tools|stack|frameworks|libraries|skills)\b/, "data-ml"],
  [/\btesting (tools|frameworks)\b|\btest frameworks\b/, "testing"],
  [/\bmobile (frameworks|tools|stack|skills)\b/, "mobile"],
  [/\bmessaging|\bqueues\b|\bstreaming platforms?\b/, "messaging"],
];

/**
 * Families whose name is an umbrella term: "sql" asks about SQL databases, "aws" about AWS services.
 * Ecosystem families ("python", "javascript", "jvm", "dotnet") are not: "Python" means the language.
 */
const umbrellaFamilies = new Set<string>(
  technologyFamilies.filter((family) => !["python", "javascript", "jvm", "dotnet"].includes(family)),
);

/**
 * Taxonomy entries that name a practice rather than a tool; asked about, they mean the profile's members of
 * the family of that practice ("infrastructure as code" → Terraform, Ansible).
 */
const conceptFamilies: Record<string, TechnologyFamily> = {
  "Infrastructure as Code": "infrastructure-as-code",
  "Deep Learning": "deep-learning",
};

/**
 * Technologies one question is about, at most. A real question names a handful; a pasted list of 160
 * names would make retrieval scan every fact once per name.
 */
export const maxQuestionTechnologies = 24;

/**
 * Finds the technologies a question is about (the first `maxQuestionTechnologies`), via @vitae/taxonomy. `profileTechnologies` are the
 * canonical names the profile holds; they only widen family terms, never add unasked technologies.
 */
export function extractTechnologies(
  text: string,
  profileTechnologies: ReadonlySet<string>,
): TechnologyResult {
  const found = findTechnologies(text);
  const mentioned = [
    ...new Set([
      ...found.map((mention) => mention.name),
      ...profileMentions(text, profileTechnologies, found),
    ]),
  ].slice(0, maxQuestionTechnologies);
  const technologies = new Set<string>();
  for (const name of mentioned) {
    const family = conceptFamilies[name] ?? name.toLowerCase();
    if (!umbrellaFamilies.has(family)) {
      technologies.add(name);
      continue;
    }
    // "sql" means the SQL databases the profile holds (PostgreSQL, MySQL), not dbt or the SQL language.
    const inProfile = technologiesInFamily(family).filter(
      (member) => member.name !== name && profileTechnologies.has(member.name),
    );
    const databases = inProfile.filter((member) => member.category === "database");
    const members = (databases.length > 0 ? databases : inProfile).map((member) => member.name);
    if (members.length === 0) technologies.add(name);
    for (const member of members) technologies.add(member);
  }
  const folded = text.toLowerCase();
  const categories = categoryWords
    .filter(([pattern]) => pattern.test(folded))
    .map(([, category]) => category);
  return {
    mentioned,
    // Widening a family term can add many members ("aws" → every AWS service the profile holds).
    technologies: [...technologies].slice(0, maxQuestionTechnologies),
    categories: [...new Set(categories)],
  };
}

/**
 * Names the taxonomy only accepts in a technology context ("Go", "R", "Swift") are still meant when the
 * profile itself lists them: "has he used Go at work?" about a Go developer. Short names must match case.
 */
function profileMentions(
  text: string,
  profileTechnologies: ReadonlySet<string>,
  known: TechnologyMention[],
): string[] {
  const found: string[] = [];
  const lower = text.toLowerCase();
  for (const name of profileTechnologies) {
    // A profile may list thousands of names: a plain substring test (linear, native) rules out nearly all
    // of them before a pattern is compiled, so the cost is one scan per name, not one regex per name.
    if (!lower.includes(name.toLowerCase())) continue;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const pattern = new RegExp(
      `(^|[^\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}]|\\+|#)`,
      name.length <= 3 ? "gu" : "giu",
    );
    for (const match of text.matchAll(pattern)) {
      const start = (match.index ?? 0) + (match[1]?.length ?? 0);
      // "Ruby" inside "Ruby on Rails" is part of a longer name the taxonomy already found.
      const inside = known.some((mention) => start >= mention.start && start + name.length <= mention.end);
      if (!inside) {
        found.push(name);
        break;
      }
    }
  }
  return found;
}

/** Category of a canonical technology name, or "tool" when the taxonomy does not know it. */
export function categoryOf(name: string): TechnologyCategory {
  return normalizeTechnology(name)?.category ?? "tool";
}

/**
 * "What does he do at Shopify?": a technology whose name is an employer the question names is the employer,
 * unless the profile also lists it as a technology it used.
 */
export function withoutEmployers(
  result: TechnologyResult,
  employers: readonly string[],
  profileTechnologies: ReadonlySet<string>,
): TechnologyResult {
  const names = new Set(employers.map((name) => name.toLowerCase()));
  const technologies = result.technologies.filter(
    (name) => profileTechnologies.has(name) || !names.has(name.toLowerCase()),
  );
  return technologies.length === result.technologies.length ? result : { ...result, technologies };
}
