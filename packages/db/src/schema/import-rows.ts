import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { imports } from "./imports";

/** A validated row's outcome; the import's ledger counts each row under exactly one. */
export const importRowStatus = pgEnum("import_row_status", ["valid", "invalid", "empty", "duplicate"]);

/** One status value of {@link importRowStatus}. */
export type ImportRowStatus = (typeof importRowStatus.enumValues)[number];

/** One problem of a stored row, as `@vitae/tabular` reports it (the value is already clamped). */
export interface ImportRowError {
  line: number;
  column: string | null;
  field: string | null;
  code: string;
  value: string;
  suggestion?: string;
}

/**
 * Every row of an import's last validation, keyed by its source line. A table, not a stored file: the
 * operator pages through rows by error code (keyset on the line), `imports.fix` rewrites only the rows it
 * changes, and the export streams them back in line order. `cells` are the raw cells as read (before
 * fixes), so a fix can always be replayed from what the file said; `record` holds the normalised values
 * with the fixes applied. `codes` repeats the error codes of `errors` for the filter's index-free
 * containment test. The rows go with their import (cascade).
 */
export const importRows = pgTable(
  "import_rows",
  {
    importId: uuid()
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    line: integer().notNull(),
    status: importRowStatus().notNull(),
    codes: text().array().notNull().default(sql`'{}'::text[]`),
    cells: jsonb().$type<string[]>().notNull(),
    record: jsonb().$type<Record<string, unknown>>().notNull(),
    errors: jsonb().$type<ImportRowError[]>().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.importId, table.line] }),
    index("import_rows_import_id_status_line_idx").on(table.importId, table.status, table.line),
  ],
);
