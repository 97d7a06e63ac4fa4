import { backendFrameworks } from "./data/backend";
import { cloud } from "./data/cloud";
import { dataMl } from "./data/data-ml";
import { databases } from "./data/databases";
import { devops, messaging } from "./data/devops";
import { frontendFrameworks } from "./data/frontend";
import { languages, runtimes } from "./data/languages";
import { mobile } from "./data/mobile";
import { methodologies, protocols } from "./data/practices";
import { testing } from "./data/testing";
import { tools } from "./data/tools";
import type { Technology, TechnologyDefinition } from "./types";

/** Every definition, in data-file order (the order `allTechnologies` keeps). */
export const definitions: readonly TechnologyDefinition[] = [
  ...languages,
  ...runtimes,
  ...frontendFrameworks,
  ...backendFrameworks,
  ...databases,
  ...cloud,
  ...devops,
  ...messaging,
  ...dataMl,
  ...mobile,
  ...testing,
  ...tools,
  ...protocols,
  ...methodologies,
];

const technologyByName = new Map<string, Technology>();
for (const definition of definitions) {
  technologyByName.set(
    definition.name,
    Object.freeze({
      name: definition.name,
      category: definition.category,
      families: Object.freeze([...(definition.families ?? [])]),
    }),
  );
}

/** The canonical record of a definition (frozen, shared). */
export function technologyOf(definition: TechnologyDefinition): Technology {
  const technology = technologyByName.get(definition.name);
  if (technology === undefined) throw new Error(`unknown technology definition ${definition.name}`);
  return technology;
}

/** Every technology of the taxonomy, canonical names unique, in a stable order. */
export const allTechnologies: readonly Technology[] = Object.freeze([...technologyByName.values()]);

/**
 * The key two spellings share when they name the same thing: case, spacing, dots, dashes, slashes and
 * underscores do not matter ("Node.js" = "nodejs" = "node js", "PL/SQL" = "plsql"), but "+" and "#" do
 * ("C", "C++" and "C#" stay apart).
 */
export function compactKey(raw: string): string {
  return raw
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[®™]/g, "")
    .replace(/[\s._/\\-]+/g, "");
}

/** Every spelling of a definition that names it when the input is already known to be a technology. */
export function spellingsOf(definition: TechnologyDefinition): string[] {
  return [
    definition.name,
    ...(definition.aliases ?? []),
    ...(definition.abbreviations ?? []),
    ...(definition.contextual ?? []),
  ];
}

const byCompactKey = new Map<string, TechnologyDefinition>();
for (const definition of definitions) {
  for (const spelling of spellingsOf(definition)) {
    const key = compactKey(spelling);
    // The first definition wins; the test suite asserts that no spelling resolves to another entry.
    if (key !== "" && !byCompactKey.has(key)) byCompactKey.set(key, definition);
  }
}

/** The definition a spelling names exactly (after `compactKey`), if any. */
export function definitionBySpelling(raw: string): TechnologyDefinition | undefined {
  return byCompactKey.get(compactKey(raw));
}
