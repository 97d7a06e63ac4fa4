import type { EntityDefinition, FieldDefinition } from "../entities/types";
import { normaliseName, tokens } from "./normalize";

/** One spelling a field is known by, pre-normalised. */
export interface IndexedName {
  raw: string;
  normalised: string;
  tokens: string[];
  source: "name" | "label" | "alias" | "learned";
  language?: string;
}

/** A field with every spelling it answers to. */
export interface IndexedField {
  field: FieldDefinition;
  names: IndexedName[];
}

const cache = new WeakMap<EntityDefinition, IndexedField[]>();

function indexed(raw: string, source: IndexedName["source"], language?: string): IndexedName {
  const normalised = normaliseName(raw);
  return { raw, normalised, tokens: tokens(normalised), source, ...(language ? { language } : {}) };
}

/** The entity's fields with their names, labels and aliases normalised once (cached per definition). */
export function indexEntity(entity: EntityDefinition): IndexedField[] {
  const hit = cache.get(entity);
  if (hit) return hit;
  const fields = entity.fields.map((field) => ({
    field,
    names: [
      indexed(field.name, "name"),
      indexed(field.label, "label"),
      ...Object.entries(field.aliases).flatMap(([language, aliases]) =>
        aliases.map((alias) => indexed(alias, "alias", language)),
      ),
    ],
  }));
  cache.set(entity, fields);
  return fields;
}

/** Workspace-learned aliases for this entity, normalised and grouped by field. */
export function indexLearned(
  learned: ReadonlyArray<{ header: string; field: string }>,
): Map<string, IndexedName[]> {
  const byField = new Map<string, IndexedName[]>();
  for (const { header, field } of learned) {
    const list = byField.get(field) ?? [];
    list.push(indexed(header, "learned"));
    byField.set(field, list);
  }
  return byField;
}
