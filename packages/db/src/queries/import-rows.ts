import { AppError } from "@vitae/errors";
import { and, asc, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "../database";
import { type ImportRowError, type ImportRowStatus, importRows, imports } from "../schema";
import { isUuid } from "./ids";

/** One stored row of an import's validation (see the `import_rows` table). */
export interface ImportRowRecord {
  line: number;
  status: ImportRowStatus;
  cells: string[];
  record: Record<string, unknown>;
  errors: ImportRowError[];
}

/** Rows per INSERT: ~7 parameters each stays far below Postgres' 65,535-parameter limit. */
export const importRowBatchSize = 1000;

/** Default and maximum page sizes of {@link listImportRows}. */
export const importRowPageSize = { default: 100, max: 500 } as const;

/** Which rows {@link listImportRows} returns: all, every invalid one, or those with one error code. */
export type ImportRowFilter = { kind: "all" } | { kind: "errors" } | { kind: "code"; code: string };

/**
 * Writes a batch of validated rows; a row already stored for the same line is replaced (a retried
 * validation, or a fix rewriting the rows it changed).
 */
export async function upsertImportRows(
  db: Database,
  params: { importId: string; rows: readonly ImportRowRecord[] },
): Promise<void> {
  for (let start = 0; start < params.rows.length; start += importRowBatchSize) {
    const batch = params.rows.slice(start, start + importRowBatchSize).map((row) => ({
      importId: params.importId,
      line: row.line,
      status: row.status,
      codes: [...new Set(row.errors.map((error) => error.code))],
      cells: row.cells,
      // Validators build records without a prototype (cells named "__proto__" stay data); drizzle needs one.
      record: { ...row.record },
      errors: row.errors,
    }));
    await db
      .insert(importRows)
      .values(batch)
      .onConflictDoUpdate({
        target: [importRows.importId, importRows.line],
        set: {
          status: sql`excluded.status`,
          codes: sql`excluded.codes`,
          cells: sql`excluded.cells`,
          record: sql`excluded.record`,
          errors: sql`excluded.errors`,
        },
      });
  }
}

/** Deletes every stored row of an import (before a validation writes them afresh). */
export async function deleteImportRows(db: Database, params: { importId: string }): Promise<void> {
  if (!isUuid(params.importId)) return;
  await db.delete(importRows).where(eq(importRows.importId, params.importId));
}

/**
 * Up to `limit` stored rows of an import after `afterLine`, in line order — how the fix and export jobs
 * stream an import's rows in bounded batches. The caller has checked the import's workspace.
 */
export function readImportRows(
  db: Database,
  params: { importId: string; afterLine: number; limit: number },
): Promise<ImportRowRecord[]> {
  return db
    .select({
      line: importRows.line,
      status: importRows.status,
      cells: importRows.cells,
      record: importRows.record,
      errors: importRows.errors,
    })
    .from(importRows)
    .where(and(eq(importRows.importId, params.importId), gt(importRows.line, params.afterLine)))
    .orderBy(asc(importRows.line))
    .limit(params.limit);
}

/** Every stored row of an import, in line order, read in batches of {@link importRowBatchSize}. */
export async function* streamImportRows(
  db: Database,
  params: { importId: string },
): AsyncGenerator<ImportRowRecord> {
  let afterLine = 0;
  for (;;) {
    const batch = await readImportRows(db, {
      importId: params.importId,
      afterLine,
      limit: importRowBatchSize,
    });
    yield* batch;
    const last = batch.at(-1);
    if (last === undefined || batch.length < importRowBatchSize) return;
    afterLine = last.line;
  }
}

/**
 * One page of `workspaceId`'s import rows in line order, keyset-paginated on the line (the cursor is the
 * last line returned). `NOT_FOUND` when the import is not the workspace's; `BAD_REQUEST` for a cursor or
 * limit out of range.
 */
export async function listImportRows(
  db: Database,
  params: {
    workspaceId: string;
    importId: string;
    filter: ImportRowFilter;
    cursor?: number | undefined;
    limit?: number | undefined;
  },
): Promise<{ items: ImportRowRecord[]; nextCursor: number | null }> {
  const limit = params.limit ?? importRowPageSize.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > importRowPageSize.max) {
    throw new AppError("BAD_REQUEST", {
      message: `The page size must be between 1 and ${importRowPageSize.max}.`,
    });
  }
  if (!isUuid(params.workspaceId) || !isUuid(params.importId)) throw new AppError("NOT_FOUND");
  const [owner] = await db
    .select({ id: imports.id })
    .from(imports)
    .where(and(eq(imports.id, params.importId), eq(imports.workspaceId, params.workspaceId)))
    .limit(1);
  if (owner === undefined) throw new AppError("NOT_FOUND");
  const conditions: SQL[] = [eq(importRows.importId, params.importId)];
  if (params.cursor !== undefined) conditions.push(gt(importRows.line, params.cursor));
  if (params.filter.kind === "errors") conditions.push(eq(importRows.status, "invalid"));
  if (params.filter.kind === "code") {
    conditions.push(eq(importRows.status, "invalid"));
    conditions.push(sql`${importRows.codes} @> array[${params.filter.code}]::text[]`);
  }
  const rows = await db
    .select({
      line: importRows.line,
      status: importRows.status,
      cells: importRows.cells,
      record: importRows.record,
      errors: importRows.errors,
    })
    .from(importRows)
    .where(and(...conditions))
    .orderBy(asc(importRows.line))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? last.line : null };
}

/** How the stored rows of an import divide: per status, and invalid rows by their first error's code. */
export interface StoredRowCounts {
  valid: number;
  invalid: number;
  empty: number;
  duplicate: number;
  /** Invalid rows by the code of their first error. */
  byFirstCode: Record<string, number>;
}

/** Counts an import's stored rows for its ledger (a second balance: what was stored vs. what was read). */
export async function countImportRows(db: Database, params: { importId: string }): Promise<StoredRowCounts> {
  const counts: StoredRowCounts = { valid: 0, invalid: 0, empty: 0, duplicate: 0, byFirstCode: {} };
  const byStatus = await db
    .select({ status: importRows.status, count: sql<number>`count(*)::int` })
    .from(importRows)
    .where(eq(importRows.importId, params.importId))
    .groupBy(importRows.status);
  for (const row of byStatus) counts[row.status] = row.count;
  const firstCode = sql<string>`${importRows.errors}->0->>'code'`;
  const byCode = await db
    .select({ code: firstCode, count: sql<number>`count(*)::int` })
    .from(importRows)
    .where(and(eq(importRows.importId, params.importId), inArray(importRows.status, ["invalid"])))
    .groupBy(firstCode);
  for (const row of byCode) counts.byFirstCode[row.code ?? "UNKNOWN"] = row.count;
  return counts;
}
