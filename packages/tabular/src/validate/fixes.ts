import { z } from "zod";

/** The closed list of bulk transforms an operator can apply to a field. */
export const fixTransforms = [
  "trim",
  "lowercase",
  "uppercase",
  "titleCase",
  "collapseWhitespace",
  "digitsOnly",
  "removeLeadingZeros",
] as const;
export type FixTransform = (typeof fixTransforms)[number];

/** A fix for one field: a transform, or a map from raw values (trimmed) to replacements. */
export const fixSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("transform"), field: z.string(), transform: z.enum(fixTransforms) }),
  z.object({ kind: z.literal("valueMap"), field: z.string(), map: z.record(z.string(), z.string()) }),
]);
export type Fix = z.infer<typeof fixSchema>;

const transforms: Readonly<Record<FixTransform, (value: string) => string>> = {
  trim: (value) => value.trim(),
  lowercase: (value) => value.toLowerCase(),
  uppercase: (value) => value.toUpperCase(),
  titleCase: (value) =>
    value
      .toLowerCase()
      .replace(/(^|[\s'-])(\p{L})/gu, (_, lead: string, letter: string) => lead + letter.toUpperCase()),
  collapseWhitespace: (value) => value.replace(/\s+/g, " ").trim(),
  digitsOnly: (value) => value.replace(/\D/g, ""),
  removeLeadingZeros: (value) => value.replace(/^0+(?=\d)/, ""),
};

/**
 * Applies one fix to a raw cell value; pure, so the API can re-validate only the rows of the fixed
 * field. A value map matches the trimmed value exactly (own keys only: a cell saying "__proto__" or
 * "constructor" is looked up like any other string).
 */
export function applyFix(value: string, fix: Fix): string {
  if (fix.kind === "transform") return transforms[fix.transform](value);
  const key = value.trim();
  return Object.hasOwn(fix.map, key) ? (fix.map[key] as string) : value;
}
