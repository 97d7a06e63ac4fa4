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
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, timestampTz } from "./columns";
import { users } from "./users";
import { workspaces } from "./workspaces";

/** Lifecycle of an uploaded document: uploaded → processing → ready | failed. */
export const documentStatus = pgEnum("document_status", ["uploaded", "processing", "ready", "failed"]);

/**
 * Something ingestion left out of a ready document's profile (`documentWarningCodes` of
 * `@vitae/documents`), with a client-safe message and the text it concerns.
 */
export interface DocumentWarningRecord {
  code: string;
  message: string;
  excerpt: string;
}

/** One status value of {@link documentStatus}. */
export type DocumentStatus = (typeof documentStatus.enumValues)[number];

/**
 * An uploaded file (the original lives in object storage under `storage_key`) and what ingestion learnt
 * about it. `text` is the extracted plain text, kept for grounding answers in the source; it is never
 * selected by listings.
 */
export const documents = pgTable(
  "documents",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    // The document belongs to the workspace, not the uploader: it survives the user's deletion.
    uploadedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    filename: text().notNull(),
    // As declared by the client at upload; `detected_type` is what the bytes turned out to be.
    contentType: text().notNull(),
    detectedType: text(),
    size: bigint({ mode: "number" }).notNull(),
    // Where the served original lives; only the ingest worker writes it, with the bytes it validated.
    storageKey: text().notNull(),
    // Where the client's presigned upload goes; cleared once the worker has published validated bytes
    // at `storage_key`. Null on rows whose bytes were written straight to `storage_key`.
    uploadKey: text(),
    status: documentStatus().notNull().default("uploaded"),
    errorCode: text(),
    // Shown to clients as-is: callers store only client-safe text here.
    errorMessage: text(),
    sha256: text(),
    pageCount: integer(),
    text: text(),
    // Shown to clients as-is, like `error_message`; at most a few short entries per document.
    warnings: jsonb().$type<DocumentWarningRecord[]>().notNull().default(sql`'[]'::jsonb`),
    // Millisecond precision: the keyset cursor carries a JavaScript Date (see listDocuments).
    createdAt: timestamp({ withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    updatedAt: timestampTz()
      .notNull()
      .defaultNow()
      .$onUpdate(() => sql`now()`),
    // Set once the client reports the upload complete; null rows older than a grace period are garbage.
    finalizedAt: timestampTz(),
    // The `job_runs` id of the ingest this document currently waits for (the first one is the document's
    // own id; each re-ingest gets a new one). A run that is not the current one changes nothing.
    currentRunId: uuid(),
  },
  (table) => [
    index("documents_workspace_id_created_at_idx").on(
      table.workspaceId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    // Composite key target so profiles can prove they belong to the same workspace as their document.
    unique("documents_id_workspace_id_key").on(table.id, table.workspaceId),
    uniqueIndex("documents_storage_key_key").on(table.storageKey),
    uniqueIndex("documents_upload_key_key").on(table.uploadKey),
    index("documents_uploaded_by_idx").on(table.uploadedBy),
    // The same file uploaded twice in one workspace (the duplicate warning of `listDocuments`).
    index("documents_workspace_id_sha256_idx")
      .on(table.workspaceId, table.sha256)
      .where(sql`sha256 is not null`),
    index("documents_unfinalized_created_at_idx")
      .on(table.createdAt)
      .where(sql`status = 'uploaded' and finalized_at is null`),
    check("documents_size_non_negative", sql`${table.size} >= 0`),
    check("documents_page_count_non_negative", sql`${table.pageCount} is null or ${table.pageCount} >= 0`),
    check("documents_sha256_format", sql`${table.sha256} is null or ${table.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);
