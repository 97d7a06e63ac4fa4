import {
  countImportRows,
  type ImportRecord,
  type ImportRowRecord,
  importRowBatchSize,
  markImportValidated,
  streamImportRows,
  upsertImportRows,
} from "@vitae/db";
import {
  applyFix,
  createRowValidator,
  type Fix,
  type RowError,
  TabularError,
  type TabularSource,
  validateSource,
} from "@vitae/tabular";
import { z } from "zod";
import type { JobContext, JsonValue } from "../handler-types";
import { assertStoredBalance, type ImportPlan, storedRowOf, type ValidationLedger } from "./import-plan";

/** Codes that depend on other rows: a row re-checked alone keeps the ones it had. */
const crossRowCodes: ReadonlySet<string> = new Set(["DUPLICATE_VALUE", "UNKNOWN_REFERENCE"]);

const storedLedger = z.object({ read: z.number().int(), referencesChecked: z.boolean() });

/** JSON with sorted keys: jsonb reorders object keys, so stored and fresh rows compare by content. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function isChanged(stored: ImportRowRecord, fresh: ImportRowRecord): boolean {
  return (
    stored.status !== fresh.status ||
    canonical(stored.errors) !== canonical(fresh.errors) ||
    canonical(stored.record) !== canonical(fresh.record)
  );
}

/** Buffers changed rows and writes them in batches; counts what it wrote. */
function rowWriter(context: JobContext<"imports.validate">, importId: string) {
  let batch: ImportRowRecord[] = [];
  let written = 0;
  const flush = async () => {
    await upsertImportRows(context.db, { importId, rows: batch });
    written += batch.length;
    batch = [];
  };
  return {
    async write(row: ImportRowRecord) {
      batch.push(row);
      if (batch.length >= importRowBatchSize) await flush();
    },
    async close(): Promise<number> {
      await flush();
      return written;
    },
  };
}

/**
 * A field with no cross-row rule: only rows whose cell the fix changes are re-validated, each on its
 * own; the cross-row errors they had on other fields (a duplicate key, an unknown manager) still hold,
 * because those fields did not change, and are kept.
 */
async function recheckAffected(
  context: JobContext<"imports.validate">,
  importId: string,
  imported: ImportPlan,
  fix: Fix,
  columnIndex: number,
): Promise<number> {
  const all = imported.plan.fixes;
  const before = all.slice(0, -1);
  const cellWith = (cells: readonly string[], fixes: readonly Fix[]) => {
    let value = cells[columnIndex] ?? "";
    for (const each of fixes) if (each.field === fix.field) value = applyFix(value, each);
    return value.trim();
  };
  const validator = createRowValidator(imported.plan);
  const writer = rowWriter(context, importId);
  for await (const row of streamImportRows(context.db, { importId })) {
    // A fix does not change which rows are empty or exact repeats; validating the file again would.
    if (row.status === "empty" || row.status === "duplicate") continue;
    if (cellWith(row.cells, before) === cellWith(row.cells, all)) continue;
    const fresh = validator.validate({ line: row.line, cells: row.cells });
    if (fresh.status === "empty" || fresh.status === "duplicate") continue;
    const kept = row.errors.filter((error) => crossRowCodes.has(error.code) && error.field !== fix.field);
    const errors = [
      ...fresh.errors.filter((error) => !crossRowCodes.has(error.code)),
      ...(kept as RowError[]),
    ];
    const next: ImportRowRecord = {
      line: row.line,
      status: errors.length > 0 ? "invalid" : "valid",
      cells: row.cells,
      record: fresh.record,
      errors,
    };
    if (isChanged(row, next)) await writer.write(next);
  }
  return writer.close();
}

/**
 * A unique field, or one a reference points from or to: whether a row is valid depends on the others,
 * so every stored row is re-checked (from the stored cells, not the file) and only the rows whose
 * outcome changed are written.
 */
async function recheckAll(
  context: JobContext<"imports.validate">,
  importId: string,
  imported: ImportPlan,
  ledger: z.infer<typeof storedLedger>,
): Promise<number> {
  const source: TabularSource = {
    sniff: { format: "csv", headerLine: 0 },
    headers: [...imported.plan.headers],
    async *rows() {
      for await (const row of streamImportRows(context.db, { importId }))
        yield { line: row.line, cells: row.cells };
    },
  };
  const { rows, stats } = validateSource(source, imported.plan);
  const stored = streamImportRows(context.db, { importId });
  const writer = rowWriter(context, importId);
  for await (const row of rows) {
    const before = (await stored.next()).value as ImportRowRecord | undefined;
    const fresh = storedRowOf(row);
    if (before === undefined || before.line !== fresh.line || isChanged(before, fresh))
      await writer.write(fresh);
  }
  if (stats.read !== ledger.read) {
    throw new TabularError("LEDGER_MISMATCH", undefined, {
      cause: new Error(`re-checked ${stats.read} rows, the ledger read ${ledger.read}`),
    });
  }
  return writer.close();
}

/**
 * `imports.validate` in `fix` mode: applies the import's newest fix (the API appended it) to the stored
 * rows, then rebuilds the ledger from the stored rows and balances it against the rows the validation
 * read. Rows are rewritten only where their outcome changed.
 */
export async function applyLastFix(
  context: JobContext<"imports.validate">,
  record: ImportRecord,
  imported: ImportPlan,
): Promise<JsonValue> {
  const fix = imported.plan.fixes.at(-1);
  const entry = imported.plan.mapping.find((each) => each.field === fix?.field);
  const field = imported.plan.entity.fields.find((each) => each.name === fix?.field);
  const previous = storedLedger.safeParse(record.ledger);
  if (fix === undefined || entry === undefined || field === undefined || !previous.success) {
    throw new TabularError("MAPPING_INVALID");
  }
  const isCrossRow =
    field.unique ||
    imported.plan.entity.constraints.some(
      (rule) => rule.kind === "reference" && (rule.field === field.name || rule.target === field.name),
    );
  const changed = isCrossRow
    ? await recheckAll(context, record.id, imported, previous.data)
    : await recheckAffected(context, record.id, imported, fix, entry.columnIndex);
  const stored = await countImportRows(context.db, { importId: record.id });
  const ledger: ValidationLedger = {
    read: previous.data.read,
    valid: stored.valid,
    rejected: stored.byFirstCode,
    rejectedTotal: stored.invalid,
    empty: stored.empty,
    duplicates: stored.duplicate,
    referencesChecked: previous.data.referencesChecked,
  };
  assertStoredBalance(ledger, stored);
  await context.reportProgress(95, "Saving the result");
  const saved = await markImportValidated(context.db, {
    workspaceId: record.workspaceId,
    importId: record.id,
    runId: context.jobRunId,
    ledger: { ...ledger },
  });
  return {
    importId: record.id,
    status: saved ? "validated" : "skipped",
    fixed: { field: field.name, rows: changed, rechecked: isCrossRow ? "all" : "affected" },
    ledger: { ...ledger },
  };
}
