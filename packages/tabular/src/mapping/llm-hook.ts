import { z } from "zod";
import { type ColumnMapping, type MapColumnsInput, mapColumns } from "./auto-map";

/** What the injected model sees: leftover columns only, each with at most two masked samples. */
export interface LlmMappingRequest {
  entity: string;
  /** Fields still free (not taken by a confident mapping). */
  fields: Array<{ name: string; label: string; type: string }>;
  columns: Array<{ header: string; samples: string[] }>;
}

/** An injected model call (the API adapts its LLM client to this); its answer is validated here. */
export type MappingLlm = (request: LlmMappingRequest) => Promise<unknown>;

const answerSchema = z.array(
  z.object({
    column: z.string(),
    field: z.string().nullable(),
    confidence: z.number().min(0).max(1),
    reason: z.string().max(300).default(""),
  }),
);

/** An AI suggestion is a suggestion: it never outranks name or alias evidence. */
const llmConfidenceCap = 0.8;

/**
 * Masks a value's content but keeps its shape, so the model can tell an email, a date or a code from
 * free text without seeing personal data: letters become x/X, digits 9, at most 40 characters.
 */
export function maskSample(value: string): string {
  return value
    .slice(0, 40)
    .replace(/\p{Lu}/gu, "X")
    .replace(/\p{Ll}|\p{Lo}|\p{Lt}|\p{Lm}/gu, "x")
    .replace(/\p{Nd}/gu, "9");
}

/** The mapping plus whether the model was asked and whether its answer was unusable. */
export interface AutoMapResult {
  mapping: ColumnMapping[];
  llm: "not-needed" | "not-configured" | "used" | "failed";
}

/**
 * `mapColumns`, then — if a model is injected and columns were left unmapped — one model call for the
 * leftovers only (headers plus at most two masked samples each). Its answer is schema-checked; it may
 * only claim free fields for leftover columns, at confidence at most 0.8. A failed or malformed call
 * leaves the abstentions as they were (`llm: "failed"`); it never fails the mapping.
 */
export async function autoMap(input: MapColumnsInput & { llm?: MappingLlm }): Promise<AutoMapResult> {
  const mapping = mapColumns(input);
  const leftovers = mapping.filter((entry) => entry.field === null && entry.source !== "memory");
  if (leftovers.length === 0) return { mapping, llm: "not-needed" };
  if (!input.llm) return { mapping, llm: "not-configured" };
  const taken = new Set(mapping.flatMap((entry) => (entry.field ? [entry.field] : [])));
  const free = input.entity.fields.filter((field) => !taken.has(field.name));
  const request: LlmMappingRequest = {
    entity: input.entity.name,
    fields: free.map((field) => ({ name: field.name, label: field.label, type: field.type })),
    columns: leftovers.map((entry) => ({
      header: entry.column,
      samples: (input.columns[entry.columnIndex]?.profile?.samples ?? []).slice(0, 2).map(maskSample),
    })),
  };
  let answer: z.infer<typeof answerSchema>;
  try {
    answer = answerSchema.parse(await input.llm(request));
  } catch {
    return { mapping, llm: "failed" };
  }
  const freeNames = new Set(free.map((field) => field.name));
  const byColumn = new Map(leftovers.map((entry) => [entry.column, entry]));
  for (const suggestion of answer) {
    const entry = byColumn.get(suggestion.column);
    if (!entry || suggestion.field === null || !freeNames.has(suggestion.field)) continue;
    freeNames.delete(suggestion.field);
    byColumn.delete(suggestion.column);
    mapping[entry.columnIndex] = {
      ...entry,
      field: suggestion.field,
      confidence: Math.min(llmConfidenceCap, suggestion.confidence),
      reason: `AI suggestion${suggestion.reason ? `: ${suggestion.reason}` : ""}`,
      source: "llm",
    };
  }
  return { mapping, llm: "used" };
}

/**
 * Header → field pairs to store as workspace-learned aliases after an operator confirms a mapping
 * (only mapped columns whose header differs from the field's own name carry information).
 */
export function learnedAliasesFrom(
  mapping: ReadonlyArray<{ column: string; field: string | null }>,
): Array<{ header: string; field: string }> {
  return mapping.flatMap((entry) =>
    entry.field && entry.column !== entry.field ? [{ header: entry.column, field: entry.field }] : [],
  );
}
