import { allTechnologies, definitionBySpelling, technologyOf } from "./registry";
import type { Technology, TechnologyFamily } from "./types";

// Version suffixes people add to a skill: "Python 3.11", "Angular 2+", "Java 17", "Vue 3.x", "v18".
const versionSuffix = /[\s-]*v?\d+(?:\.\d+)*(?:\.x)?\+?$/i;
// Generic words around a name in a skills list: "Java programming", "React development", "AWS cloud".
const genericWord =
  /\s+(?:programming|language|languages|development|developer|framework|library|libraries|scripting|ecosystem|stack|platform|cloud|engineering|database|db|server|services)$/i;
// Parenthesised or bracketed notes: "PostgreSQL (advanced)", "Kubernetes [CKA]".
const parenthetical = /\s*[([][^)\]]*[)\]]\s*$/;
// A skills-list bullet or trailing punctuation left over by the caller's split.
const edgeNoise = /^[\s\-–—•*·▪:,;]+|[\s\-–—•*·▪:,;.]+$/g;

/**
 * The canonical technology a raw skill name denotes, or `null` when the taxonomy does not know it.
 *
 * Meant for strings already known to name one technology (a skills-list item, a parser's output): it
 * accepts every alias, abbreviation and contextual form in any case ("k8s" → Kubernetes, "golang" and
 * "go" → Go), ignores spacing and punctuation differences ("react.js", "React JS"), a trailing version
 * ("Python 3.11") and one generic word ("Java programming"). For free text use `findTechnologies`.
 */
export function normalizeTechnology(raw: string): Technology | null {
  const cleaned = raw.normalize("NFKC").replace(edgeNoise, "").trim();
  if (cleaned === "" || cleaned.length > 80) return null;
  const candidates = [cleaned];
  const withoutNote = cleaned.replace(parenthetical, "");
  if (withoutNote !== cleaned && withoutNote !== "") candidates.push(withoutNote);
  for (const candidate of [...candidates]) {
    const withoutVersion = candidate.replace(versionSuffix, "");
    if (withoutVersion !== candidate && withoutVersion !== "") candidates.push(withoutVersion);
    const withoutGeneric = candidate.replace(genericWord, "");
    if (withoutGeneric !== candidate && withoutGeneric !== "") candidates.push(withoutGeneric);
  }
  for (const candidate of candidates) {
    const definition = definitionBySpelling(candidate);
    if (definition !== undefined) return technologyOf(definition);
  }
  return null;
}

/**
 * Every technology of a family, e.g. `technologiesInFamily("sql")` → PostgreSQL, MySQL, SQL Server,
 * SQLite, Oracle Database, … and the SQL dialects. An unknown family yields an empty list.
 */
export function technologiesInFamily(family: TechnologyFamily | (string & {})): Technology[] {
  return allTechnologies.filter((technology) => (technology.families as readonly string[]).includes(family));
}
