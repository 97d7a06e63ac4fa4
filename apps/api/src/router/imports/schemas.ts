import { columnKinds, entityNames, importRegionSchema, mappingSources } from "@vitae/tabular";
import { z } from "zod";

/** Declared types a client may upload; the analyse job decides CSV or XLSX by content. */
export const importContentTypes = {
  "text/csv": [".csv"],
  "text/tab-separated-values": [".tsv", ".tab"],
  "text/plain": [".txt", ".csv", ".tsv"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
} as const satisfies Record<string, readonly string[]>;

export type ImportContentType = keyof typeof importContentTypes;

export const entityInput = z.enum(entityNames);

export const importIdInput = z.strictObject({ importId: z.uuid() });

/** Where an import's objects live; everything under it is deleted with the import. */
export function importStoragePrefix(workspaceId: string, importId: string): string {
  return `workspaces/${workspaceId}/imports/${importId}/`;
}

/** The key the client's presigned upload writes and the analyse job reads. */
export function importUploadKey(workspaceId: string, importId: string): string {
  return `${importStoragePrefix(workspaceId, importId)}upload`;
}

/** A workbook sheet as the analysis listed it (tab order; hidden sheets are listed too). */
export const sheetSchema = z.object({ name: z.string(), isHidden: z.boolean() });

/**
 * What the analyse job detected, as stored (the `SniffReport` of `@vitae/tabular`). `sheets` is absent
 * for CSV and for workbooks analysed before the sheet list was kept.
 */
export const storedSniffSchema = z.object({
  format: z.enum(["csv", "xlsx"]),
  encoding: z.string().optional(),
  delimiter: z.string().optional(),
  headerLine: z.number().int(),
  sheet: z.string().optional(),
  sheets: z.array(sheetSchema).optional(),
  date1904: z.boolean().optional(),
  region: importRegionSchema.optional(),
});

export const columnProfileSchema = z.object({
  kind: z.enum(columnKinds),
  kindShare: z.number(),
  rows: z.number().int(),
  filled: z.number().int(),
  fillRate: z.number(),
  distinct: z.number().int(),
  distinctCapped: z.boolean(),
  maxLength: z.number().int(),
  samples: z.array(z.string()),
  dateOrder: z.enum(["ymd", "dmy", "mdy", "ambiguous"]).nullable(),
});

export const storedColumnSchema = z.object({ name: z.string(), profile: columnProfileSchema.nullable() });

const candidateSchema = z.object({ field: z.string(), confidence: z.number(), reason: z.string() });

export const storedMappingSchema = z.object({
  column: z.string(),
  columnIndex: z.number().int(),
  field: z.string().nullable(),
  confidence: z.number(),
  reason: z.string(),
  source: z.enum(mappingSources),
  alternatives: z.array(candidateSchema),
});

export type StoredMapping = z.infer<typeof storedMappingSchema>;

/** The stored mapping, validated: it is JSON the job wrote, read back across a trust boundary. */
export function mappingOf(stored: unknown[] | null): StoredMapping[] {
  return z.array(storedMappingSchema).parse(stored ?? []);
}

export const importStatusOutput = z.enum([
  "uploaded",
  "analysing",
  "mapped",
  "failed",
  "validating",
  "validated",
]);

/** An import's last validation ledger: `read = valid + rejectedTotal + empty + duplicates`. */
export const validationLedgerSchema = z.object({
  read: z.number().int(),
  valid: z.number().int(),
  rejected: z.record(z.string(), z.number().int()),
  rejectedTotal: z.number().int(),
  empty: z.number().int(),
  duplicates: z.number().int(),
  referencesChecked: z.boolean(),
});

/** The ledger as stored (null before a validation), validated when read back. */
export function ledgerOf(stored: unknown): z.infer<typeof validationLedgerSchema> | null {
  return stored === null || stored === undefined ? null : validationLedgerSchema.parse(stored);
}

/** Where the import's current run stands (analysis, validation or a fix); null before one was queued. */
export const runProgressSchema = z
  .object({
    jobRunId: z.string(),
    status: z.enum(["queued", "running", "succeeded", "failed"]),
    percent: z.number(),
    message: z.string().nullable(),
  })
  .nullable();
