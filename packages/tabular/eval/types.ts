/** One labelled column: header, the field it should map to (null = nothing fits, abstain), samples. */
export type LabelledColumn = readonly [header: string, field: string | null, ...samples: string[]];

/** A real-world-shaped export: which HRIS it imitates, its language and its dev/test split. */
export interface HeaderSet {
  id: string;
  language: "en" | "es" | "de" | "fr" | "pt";
  split: "dev" | "test";
  entity: "employee" | "candidate" | "position" | "department";
  columns: readonly LabelledColumn[];
}
