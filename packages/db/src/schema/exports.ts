import {
  exportFormats,
  exportInvalidRowsPolicies,
  exportStatuses,
  importExportFormats,
  profileExportFormats,
} from "@vitae/contracts";
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, timestampTz } from "./columns";
import { sqlInList } from "./roles";
import { users } from "./users";
import { workspaces } from "./workspaces";

/** Lifecycle of an export (`exportStatuses` of `@vitae/contracts`). */
export const exportStatus = pgEnum("export_status", exportStatuses);

/**
 * A file made from something in a workspace — a profile rendered as a résumé, or an import's rows — and
 * stored under the workspace at `object_key` until `expires_at`. The row's id is also the id of the
 * `job_runs` row of the one run that produces it.
 *
 * The source ids carry no foreign key on purpose: an export is a snapshot whose object and counted bytes
 * live until it expires, whatever happens to its source (a cascade would strand the object and its
 * bytes). Exactly one source is set, with the options of its kind (checked below).
 */
export const exports = pgTable(
  "exports",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    profileId: uuid(),
    importId: uuid(),
    format: text().notNull(),
    // Profile exports: a `@vitae/render` template. Import exports: whether invalid rows are written.
    template: text(),
    invalidRows: text(),
    // Import exports: the row ledger of the written file (`@vitae/tabular`'s `RowLedger`), set when ready.
    ledger: jsonb().$type<Record<string, unknown>>(),
    status: exportStatus().notNull().default("queued"),
    objectKey: text().notNull(),
    contentType: text().notNull(),
    // The name the browser saves the file as.
    filename: text().notNull(),
    size: bigint({ mode: "number" }),
    sha256: text(),
    // One of `exportErrorCodes`; never a message with content in it.
    errorCode: text(),
    // How long the file lives once written; fixed at creation from the API's `EXPORT_TTL_SECONDS`.
    ttlSeconds: integer().notNull(),
    // The plan's stored-bytes quota when the export was requested: the worker counts the file against it.
    storedBytesLimit: bigint({ mode: "number" }).notNull(),
    // Set when the run ends (ready or failed): `finished_at + ttl_seconds`. The sweep acts on it.
    expiresAt: timestampTz(),
    finishedAt: timestampTz(),
    // Millisecond precision so listings order exactly like the values clients receive (keyset cursors).
    createdAt: timestamp({ withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    updatedAt: timestampTz()
      .notNull()
      .defaultNow()
      .$onUpdate(() => sql`now()`),
  },
  (table) => [
    index("exports_workspace_id_created_at_idx").on(
      table.workspaceId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index("exports_expires_at_idx").on(table.expiresAt).where(sql`${table.status} in ('ready', 'failed')`),
    index("exports_created_by_idx").on(table.createdBy),
    uniqueIndex("exports_object_key_key").on(table.objectKey),
    check("exports_format", sql`${table.format} in (${sql.raw(sqlInList(exportFormats))})`),
    check(
      "exports_source",
      sql`(${table.profileId} is not null and ${table.importId} is null
        and ${table.format} in (${sql.raw(sqlInList(profileExportFormats))})
        and ${table.template} is not null and ${table.invalidRows} is null and ${table.ledger} is null)
      or (${table.importId} is not null and ${table.profileId} is null
        and ${table.format} in (${sql.raw(sqlInList(importExportFormats))})
        and ${table.template} is null
        and ${table.invalidRows} in (${sql.raw(sqlInList(exportInvalidRowsPolicies))}))`,
    ),
    check("exports_size_non_negative", sql`${table.size} is null or ${table.size} >= 0`),
    check("exports_sha256_hex", sql`${table.sha256} is null or ${table.sha256} ~ '^[0-9a-f]{64}$'`),
    check("exports_ttl_positive", sql`${table.ttlSeconds} > 0`),
  ],
);
