import { and, asc, desc, eq, inArray, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "../database";
import { type DocumentStatus, type DocumentWarningRecord, documents, profiles } from "../schema";
import {
  type DocumentDuplicate,
  type DocumentKind,
  type DocumentPerson,
  documentKindCondition,
  peopleSearchCondition,
  personColumns,
  personOf,
} from "./documents-people";
import { isUuid } from "./ids";
import { decodeKeysetCursor, encodeKeysetCursor, pageLimit } from "./keyset-cursor";

/**
 * A document as the API shows it and the ingest job needs it: every column except the extracted `text`
 * (large; read it with {@link getDocumentText}), plus the id of its profile when one was saved.
 */
export interface DocumentRecord {
  id: string;
  workspaceId: string;
  uploadedBy: string | null;
  filename: string;
  contentType: string;
  detectedType: string | null;
  size: number;
  /** The served original: written only by the ingest worker, with the bytes it validated. */
  storageKey: string;
  /** Where the presigned upload goes while the bytes await validation; null once published (or never used). */
  uploadKey: string | null;
  status: DocumentStatus;
  errorCode: string | null;
  errorMessage: string | null;
  sha256: string | null;
  pageCount: number | null;
  /** What ingestion left out of the profile (e.g. text that reads as instructions to an AI). */
  warnings: DocumentWarningRecord[];
  createdAt: Date;
  updatedAt: Date;
  finalizedAt: Date | null;
  /** The ingest run the document currently waits for or was last processed by (see `reopenDocumentForReingest`). */
  currentRunId: string | null;
  profileId: string | null;
}

/** Explicit selection behind {@link DocumentRecord}; joined with `profiles` on the document id. */
export const documentRecordColumns = {
  id: documents.id,
  workspaceId: documents.workspaceId,
  uploadedBy: documents.uploadedBy,
  filename: documents.filename,
  contentType: documents.contentType,
  detectedType: documents.detectedType,
  size: documents.size,
  storageKey: documents.storageKey,
  uploadKey: documents.uploadKey,
  status: documents.status,
  errorCode: documents.errorCode,
  errorMessage: documents.errorMessage,
  sha256: documents.sha256,
  pageCount: documents.pageCount,
  warnings: documents.warnings,
  createdAt: documents.createdAt,
  updatedAt: documents.updatedAt,
  finalizedAt: documents.finalizedAt,
  currentRunId: documents.currentRunId,
  profileId: profiles.id,
};

/** The same selection without the profile join, for statements on `documents` alone (insert … returning). */
const { profileId: _profileId, ...documentsOnly } = documentRecordColumns;
export const documentColumns = documentsOnly;

function prepareGetDocument(db: Database) {
  // Named: progress subscriptions and the ingest job read a document by id over and over.
  return db
    .select(documentRecordColumns)
    .from(documents)
    .leftJoin(profiles, and(eq(profiles.documentId, documents.id), eq(profiles.source, "parsed")))
    .where(
      and(
        eq(documents.id, sql.placeholder("documentId")),
        eq(documents.workspaceId, sql.placeholder("workspaceId")),
      ),
    )
    .limit(1)
    .prepare("vitae_get_document");
}

const preparedGetDocument = new WeakMap<Database, ReturnType<typeof prepareGetDocument>>();

/**
 * Document `documentId` of `workspaceId`, or `undefined` when there is none — including another
 * workspace's document and a malformed id.
 */
export async function getDocument(
  db: Database,
  params: { workspaceId: string; documentId: string },
): Promise<DocumentRecord | undefined> {
  if (!isUuid(params.workspaceId) || !isUuid(params.documentId)) return undefined;
  let prepared = preparedGetDocument.get(db);
  if (prepared === undefined) {
    prepared = prepareGetDocument(db);
    preparedGetDocument.set(db, prepared);
  }
  const [row] = await prepared.execute({ workspaceId: params.workspaceId, documentId: params.documentId });
  return row;
}

/**
 * The extracted text of a `ready` document (for grounding answers in the source), `null` when the
 * document has none yet, `undefined` when it does not exist in `workspaceId`.
 */
export async function getDocumentText(
  db: Database,
  params: { workspaceId: string; documentId: string },
): Promise<string | null | undefined> {
  if (!isUuid(params.workspaceId) || !isUuid(params.documentId)) return undefined;
  const [row] = await db
    .select({ text: documents.text })
    .from(documents)
    .where(and(eq(documents.id, params.documentId), eq(documents.workspaceId, params.workspaceId)))
    .limit(1);
  return row?.text;
}

/** Default and maximum page sizes of {@link listDocuments}. */
export const documentPageSize = { default: 20, max: 100 } as const;

/** Parameters of {@link listDocuments}. */
export interface ListDocumentsParams {
  workspaceId: string;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
  /** Page size, 1–100 (default 20). */
  limit?: number | undefined;
  /** Words to find in the person's name, roles, skills or the file name (see `peopleSearchCondition`). */
  query?: string | undefined;
  /** Only documents in one of these statuses. */
  statuses?: readonly DocumentStatus[] | undefined;
  /** Only documents of one of these kinds. */
  kinds?: readonly DocumentKind[] | undefined;
}

/** A listed document with the person it is about and, when it looks uploaded before, the earlier one. */
export interface DocumentListItem extends DocumentRecord {
  person: DocumentPerson | null;
  duplicateOf: DocumentDuplicate | null;
}

function prepareFirstPage(db: Database) {
  // Named and prepared: the unfiltered first page is what the documents screen (and every API client) reads.
  return db
    .select({ ...documentRecordColumns, ...personColumns })
    .from(documents)
    .leftJoin(profiles, and(eq(profiles.documentId, documents.id), eq(profiles.source, "parsed")))
    .where(eq(documents.workspaceId, sql`${sql.placeholder("workspaceId")}::uuid`))
    .orderBy(desc(documents.createdAt), desc(documents.id))
    .limit(sql.placeholder("limit"))
    .prepare("vitae_list_documents_first_page");
}

const preparedFirstPage = new WeakMap<Database, ReturnType<typeof prepareFirstPage>>();

function firstPage(db: Database) {
  let prepared = preparedFirstPage.get(db);
  if (prepared === undefined) {
    prepared = prepareFirstPage(db);
    preparedFirstPage.set(db, prepared);
  }
  return prepared;
}

/**
 * One page of `workspaceId`'s documents, newest first, keyset-paginated on `(created_at, id)` (stable
 * while uploads arrive; served by the `(workspace_id, created_at desc, id desc)` index), optionally
 * narrowed by a full-text `query`, `statuses` and `kinds`. A search keeps the newest-first order rather
 * than ranking, so its pages stay keyset-paged like the rest. `nextCursor` is `null` on the last page.
 * A query without searchable words matches nothing. Throws `AppError("BAD_REQUEST")` for a malformed
 * cursor or a limit outside 1–100.
 */
export async function listDocuments(
  db: Database,
  params: ListDocumentsParams,
): Promise<{ items: DocumentListItem[]; nextCursor: string | null }> {
  const limit = pageLimit(params.limit, documentPageSize.default, documentPageSize.max);
  const cursor = params.cursor === undefined ? undefined : decodeKeysetCursor(params.cursor);
  if (!isUuid(params.workspaceId)) return { items: [], nextCursor: null };
  const conditions: SQL[] = [eq(documents.workspaceId, params.workspaceId)];
  if (cursor !== undefined) {
    conditions.push(
      sql`(${documents.createdAt}, ${documents.id}) < (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  const query = params.query?.trim() ?? "";
  if (query !== "") conditions.push(peopleSearchCondition(query));
  if (params.statuses !== undefined && params.statuses.length > 0) {
    conditions.push(inArray(documents.status, [...params.statuses]));
  }
  if (params.kinds !== undefined && params.kinds.length > 0)
    conditions.push(documentKindCondition(params.kinds));
  const rows =
    conditions.length === 1
      ? await firstPage(db).execute({ workspaceId: params.workspaceId, limit: limit + 1 })
      : await db
          .select({ ...documentRecordColumns, ...personColumns })
          .from(documents)
          .leftJoin(profiles, and(eq(profiles.documentId, documents.id), eq(profiles.source, "parsed")))
          .where(and(...conditions))
          .orderBy(desc(documents.createdAt), desc(documents.id))
          .limit(limit + 1);
  const items = rows.slice(0, limit).map((row) => {
    const { personName: _n, personTitle: _t, personCompany: _c, duplicate: _d, ...record } = row;
    return { ...record, ...personOf(row) };
  });
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeKeysetCursor(last) : null };
}

/** A never-finalized upload, for the cleanup job. */
export interface StaleUploadedDocument {
  id: string;
  workspaceId: string;
  storageKey: string;
  createdAt: Date;
}

/**
 * Documents still `uploaded` and never finalized that were created strictly before `olderThan`, oldest
 * first, across all workspaces (a system job's read; served by a partial index). The cleanup job calls
 * `deleteDocument` with `onlyIfUnfinalized` first and removes the object only when that succeeded, so a
 * finalize racing the cleanup keeps both its row and its object.
 */
export function listStaleUploadedDocuments(
  db: Database,
  params: { olderThan: Date; limit: number },
): Promise<StaleUploadedDocument[]> {
  return db
    .select({
      id: documents.id,
      workspaceId: documents.workspaceId,
      storageKey: documents.storageKey,
      createdAt: documents.createdAt,
    })
    .from(documents)
    .where(
      and(
        eq(documents.status, "uploaded"),
        isNull(documents.finalizedAt),
        lt(documents.createdAt, params.olderThan),
      ),
    )
    .orderBy(asc(documents.createdAt), asc(documents.id))
    .limit(params.limit);
}
