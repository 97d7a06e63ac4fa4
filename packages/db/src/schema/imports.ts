import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, timestampTz } from "./columns";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * Lifecycle of a spreadsheet import: uploaded → analysing → mapped | failed; then mapped → validating →
 * validated (a failed validation returns to `mapped` with its `error_code`, so it can be run again);
 * `imports.fix` and a new mapping move a validated import back through `validating` / `mapped`.
 */
export const importStatus = pgEnum("import_status", [
  "uploaded",
  "analysing",
  "mapped",
  "failed",
  "validating",
  "validated",
]);

/** One status value of {@link importStatus}. */
export type ImportStatus = (typeof importStatus.enumValues)[number];

/**
 * A spreadsheet (CSV, TSV, XLSX) uploaded for mapping onto an entity of `@vitae/tabular`'s registry.
 * `sniff`, `columns` and `mapping` are what the analyse job found, stored as JSON the API validates when
 * read back; the bytes live in object storage under `upload_key`.
 */
export const imports = pgTable(
  "imports",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    // The import belongs to the workspace, not the uploader: it survives the user's deletion.
    uploadedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    entity: text().notNull(),
    filename: text().notNull(),
    contentType: text().notNull(),
    size: bigint({ mode: "number" }).notNull(),
    status: importStatus().notNull().default("uploaded"),
    // A `TabularError` or job error code; never a message with file content in it.
    errorCode: text(),
    // Where the client's presigned upload goes and the analyse job reads.
    uploadKey: text().notNull(),
    sniff: jsonb().$type<Record<string, unknown>>(),
    columns: jsonb().$type<unknown[]>(),
    mapping: jsonb().$type<unknown[]>(),
    headerFingerprint: text(),
    // The operator's bulk fixes (`@vitae/tabular` `Fix`), in the order they were applied.
    fixes: jsonb().$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    // The last validation's row ledger (read = valid + rejected + empty + duplicates); null before one.
    ledger: jsonb().$type<Record<string, unknown>>(),
    // The `job_runs` id of the analyse run this import waits for; any other run changes nothing.
    currentRunId: uuid(),
    // Set once the client reports the upload complete; null rows are uploads still awaited.
    finalizedAt: timestampTz(),
    // Millisecond precision: the keyset cursor carries a JavaScript Date (see listImports).
    createdAt: timestamp({ withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    updatedAt: timestampTz()
      .notNull()
      .defaultNow()
      .$onUpdate(() => sql`now()`),
  },
  (table) => [
    index("imports_workspace_id_created_at_idx").on(
      table.workspaceId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    uniqueIndex("imports_upload_key_key").on(table.uploadKey),
    index("imports_uploaded_by_idx").on(table.uploadedBy),
    check("imports_size_non_negative", sql`${table.size} >= 0`),
  ],
);
