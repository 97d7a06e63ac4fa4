import { z } from "zod";

/** The closed list of field types a target entity may declare. */
export const fieldTypes = [
  "string",
  "email",
  "phone",
  "date",
  "number",
  "boolean",
  "enum",
  "url",
  "list",
] as const;
export type FieldType = (typeof fieldTypes)[number];

/** The languages every field carries header aliases in (HRIS exports from these markets). */
export const aliasLanguages = ["en", "es", "de", "fr", "pt"] as const;

/** XML 1.0 element names we emit: ASCII letters, digits, `_`, `-`, `.`; no `xml` prefix. */
const xmlName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/)
  .refine((name) => !/^xml/i.test(name), "names starting with xml are reserved");

const enumValueSchema = z.object({
  value: z.string().min(1),
  /** Spellings (any language) that normalise to `value`. */
  synonyms: z.array(z.string()).default([]),
});

/** One field of a target entity: its type, constraints, header aliases and XML element. */
export const fieldSchema = z.object({
  name: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
  label: z.string().min(1),
  type: z.enum(fieldTypes),
  required: z.boolean().default(false),
  unique: z.boolean().default(false),
  aliases: z.object({
    en: z.array(z.string()),
    es: z.array(z.string()),
    de: z.array(z.string()),
    fr: z.array(z.string()),
    pt: z.array(z.string()),
  }),
  format: z
    .object({
      /** Longest accepted value in characters (after trimming). */
      maxLength: z.number().int().positive().optional(),
      /** Allowed values of an `enum` field. */
      values: z.array(enumValueSchema).optional(),
      /** Separators splitting a `list` cell into items (default `;` and `|`). */
      listSeparators: z.array(z.string().min(1)).optional(),
      /** Human hint for the operator, e.g. "ISO 4217 code". */
      hint: z.string().optional(),
      /** Values look like this (a whole-value regex source), used for value-pattern mapping. */
      pattern: z.string().optional(),
    })
    .default({}),
  xml: z.object({ element: xmlName, item: xmlName.optional() }),
});
export type FieldDefinition = z.infer<typeof fieldSchema>;
export type FieldInput = z.input<typeof fieldSchema>;

/** A rule spanning fields or rows: an end date not before its start; a value that must exist in the file. */
export const constraintSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("dateOrder"), start: z.string(), end: z.string() }),
  z.object({ kind: z.literal("reference"), field: z.string(), target: z.string() }),
]);
export type EntityConstraint = z.infer<typeof constraintSchema>;

/** A versioned target schema; bump `version` whenever a field changes meaning, name or type. */
export const entitySchema = z
  .object({
    name: z.string().regex(/^[a-z][a-zA-Z]*$/),
    version: z.number().int().positive(),
    label: z.string().min(1),
    xml: z.object({ root: xmlName, record: xmlName }),
    fields: z.array(fieldSchema).min(1),
    constraints: z.array(constraintSchema).default([]),
  })
  .superRefine((entity, ctx) => {
    const names = new Set(entity.fields.map((field) => field.name));
    if (names.size !== entity.fields.length) ctx.addIssue({ code: "custom", message: "duplicate field" });
    for (const rule of entity.constraints) {
      const refs = rule.kind === "dateOrder" ? [rule.start, rule.end] : [rule.field, rule.target];
      for (const ref of refs) {
        if (!names.has(ref)) ctx.addIssue({ code: "custom", message: `unknown field ${ref}` });
      }
    }
    for (const field of entity.fields) {
      if (field.type === "enum" && !field.format.values?.length) {
        ctx.addIssue({ code: "custom", message: `enum ${field.name} has no values` });
      }
      if (field.type === "list" && !field.xml.item) {
        ctx.addIssue({ code: "custom", message: `list ${field.name} needs an xml item element` });
      }
    }
  });
export type EntityDefinition = z.infer<typeof entitySchema>;

/**
 * Builds a field from compact alias strings (`"a|b|c"` per language) so entity files stay readable.
 * Aliases are matched after normalisation (case, accents, separators), so list each spelling once.
 */
export function field(
  name: string,
  type: FieldType,
  aliases: Record<(typeof aliasLanguages)[number], string>,
  options: Omit<FieldInput, "name" | "type" | "aliases" | "label" | "xml"> & {
    label?: string;
    xml?: FieldInput["xml"];
  } = {},
): FieldInput {
  const split = (value: string) => value.split("|").filter((alias) => alias.length > 0);
  return {
    ...options,
    name,
    type,
    label: options.label ?? name.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase()),
    xml: options.xml ?? { element: name.charAt(0).toUpperCase() + name.slice(1) },
    aliases: {
      en: split(aliases.en),
      es: split(aliases.es),
      de: split(aliases.de),
      fr: split(aliases.fr),
      pt: split(aliases.pt),
    },
  };
}
