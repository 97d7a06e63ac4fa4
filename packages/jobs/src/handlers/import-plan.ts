import type { ImportRecord, ImportRowRecord } from "@vitae/db";
import {
  type DateOrder,
  type Fix,
  fixSchema,
  getEntity,
  type ImportRegion,
  importRegionSchema,
  type RowLedger,
  TabularError,
  type ValidatedRow,
  type ValidationPlan,
} from "@vitae/tabular";
import { z } from "zod";

const storedColumns = z.array(
  z.object({
    name: z.string(),
    profile: z.object({ dateOrder: z.enum(["ymd", "dmy", "mdy", "ambiguous"]).nullable() }).nullable(),
  }),
);
const storedMapping = z.array(z.object({ columnIndex: z.number().int(), field: z.string().nullable() }));
const storedSniff = z.object({ sheet: z.string().optional(), region: importRegionSchema.optional() });

/**
 * What a stored import validates with: its entity, headers, mapping, date orders, fixes and the region
 * national phone numbers are read in (analysed imports stored before regions existed have none).
 */
export interface ImportPlan {
  plan: ValidationPlan & { fixes: Fix[] };
  /** The sheet the analysis read (XLSX), so validation reads the same one. */
  sheet: string | undefined;
  region: ImportRegion | undefined;
}

/**
 * The validation plan of a stored import, read back from its JSON columns across a trust boundary.
 * `MAPPING_INVALID` when they do not parse (a bug or a hand-edited row: nothing a retry would fix).
 */
export function importPlanOf(record: ImportRecord): ImportPlan {
  const columns = storedColumns.safeParse(record.columns ?? []);
  const mapping = storedMapping.safeParse(record.mapping ?? []);
  const fixes = z.array(fixSchema).safeParse(record.fixes);
  const sniff = storedSniff.safeParse(record.sniff ?? {});
  if (!columns.success || !mapping.success || !fixes.success || !sniff.success) {
    throw new TabularError("MAPPING_INVALID");
  }
  const region = sniff.data.region;
  const dateOrders: Record<string, DateOrder | null> = Object.create(null);
  for (const entry of mapping.data) {
    if (entry.field !== null)
      dateOrders[entry.field] = columns.data[entry.columnIndex]?.profile?.dateOrder ?? null;
  }
  return {
    plan: {
      entity: getEntity(record.entity),
      headers: columns.data.map((column) => column.name),
      mapping: mapping.data,
      dateOrders,
      fixes: fixes.data,
      ...(region?.country ? { defaultCountry: region.country } : {}),
    },
    sheet: sniff.data.sheet,
    region,
  };
}

/** A validated row as `import_rows` stores it. */
export function storedRowOf(row: ValidatedRow): ImportRowRecord {
  return { line: row.line, status: row.status, cells: row.cells, record: row.record, errors: row.errors };
}

/**
 * The ledger an import shows after validation: `read = valid + rejectedTotal + empty + duplicates`, with
 * `rejected` split by each invalid row's first error code.
 */
export interface ValidationLedger {
  read: number;
  valid: number;
  rejected: Record<string, number>;
  rejectedTotal: number;
  empty: number;
  duplicates: number;
  /** False when the file had more reference targets than are held in memory and references went unchecked. */
  referencesChecked: boolean;
}

/** The validation ledger of a balanced `@vitae/tabular` ledger (valid rows are the "exported" ones). */
export function validationLedgerOf(ledger: RowLedger, referencesChecked: boolean): ValidationLedger {
  return {
    read: ledger.read,
    valid: ledger.exported,
    rejected: { ...ledger.rejected },
    rejectedTotal: ledger.rejectedTotal,
    empty: ledger.empty,
    duplicates: ledger.duplicates,
    referencesChecked,
  };
}

/**
 * Throws `LEDGER_MISMATCH` unless the rows stored for the import divide exactly as the ledger says —
 * the second balance, between what the validator counted and what reached the table.
 */
export function assertStoredBalance(
  ledger: ValidationLedger,
  stored: {
    valid: number;
    invalid: number;
    empty: number;
    duplicate: number;
    byFirstCode: Record<string, number>;
  },
): void {
  const codes = new Set([...Object.keys(ledger.rejected), ...Object.keys(stored.byFirstCode)]);
  const sameCodes = [...codes].every(
    (code) => (ledger.rejected[code] ?? 0) === (stored.byFirstCode[code] ?? 0),
  );
  const total = stored.valid + stored.invalid + stored.empty + stored.duplicate;
  if (
    !sameCodes ||
    total !== ledger.read ||
    stored.valid !== ledger.valid ||
    stored.invalid !== ledger.rejectedTotal ||
    stored.empty !== ledger.empty ||
    stored.duplicate !== ledger.duplicates ||
    ledger.valid + ledger.rejectedTotal + ledger.empty + ledger.duplicates !== ledger.read
  ) {
    throw new TabularError("LEDGER_MISMATCH", undefined, {
      cause: new Error(`ledger ${JSON.stringify(ledger)}, stored ${JSON.stringify(stored)}`),
    });
  }
}
