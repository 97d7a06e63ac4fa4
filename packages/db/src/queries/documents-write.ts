import { randomUUID } from "node:crypto";
import { AppError } from "@vitae/errors";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../database";
import { documents } from "../schema";
import { type DocumentRecord, documentColumns } from "./documents-read";
import { isUuid } from "./ids";
import { isForeignKeyViolation } from "./pg-errors";
import { releaseStoredBytes } from "./stored-bytes";

/** Where the original of a document is stored (documents contract). */
export function documentStorageKey(params: { workspaceId: string; documentId: string }): string {
  return `workspaces/${params.workspaceId}/documents/${params.documentId}/original`;
}

/** Parameters of {@link insertDocument}; the API validates them (type, size cap) first. */
export interface InsertDocumentParams {
  /** A caller-chosen id (e.g. to sign the upload URL first); default: a new random id. */
  id?: string | undefined;
  /** Default: {@link documentStorageKey} of the id — what the documents contract prescribes. */
  storageKey?: string | undefined;
  /**
   * Where the client uploads (a key only the presigned URL writes); the ingest worker validates these
   * bytes and publishes them at `storageKey`. Default `null`: the bytes are written to `storageKey`
   * directly by a trusted caller (tests, benchmarks).
   */
  uploadKey?: string | null | undefined;
  workspaceId: string;
  /** The uploading user (an API key's creator); `null` when unknown. */
  uploadedBy: string | null;
  filename: string;
  /** The content type the client declared. */
  contentType: string;
  /** Declared size in bytes. */
  size: number;
}

/**
 * Records a new upload (`uploaded`, not finalized) and returns it with its storage key (by default derived
 * from the id by {@link documentStorageKey}), so the caller can hand out an upload URL for exactly that
 * key. Throws `AppError("NOT_FOUND")` when the workspace or uploader does not exist and
 * `AppError("BAD_REQUEST")` for a malformed `id`; a reused id or storage key surfaces as the driver's
 * unique violation.
 */
export async function insertDocument(db: Database, params: InsertDocumentParams): Promise<DocumentRecord> {
  if (!isUuid(params.workspaceId)) throw new AppError("NOT_FOUND");
  if (params.uploadedBy !== null && !isUuid(params.uploadedBy)) throw new AppError("NOT_FOUND");
  if (params.id !== undefined && !isUuid(params.id)) throw new AppError("BAD_REQUEST");
  // The id is made here rather than by the database because the storage key embeds it.
  const id = params.id ?? randomUUID();
  try {
    const [row] = await db
      .insert(documents)
      .values({
        id,
        // The first ingest run uses the document's own id, so finalizing twice enqueues it once.
        currentRunId: id,
        workspaceId: params.workspaceId,
        uploadedBy: params.uploadedBy,
        filename: params.filename,
        contentType: params.contentType,
        size: params.size,
        storageKey:
          params.storageKey ?? documentStorageKey({ workspaceId: params.workspaceId, documentId: id }),
        uploadKey: params.uploadKey ?? null,
      })
      .returning(documentColumns);
    if (row === undefined) throw new AppError("INTERNAL", { cause: new Error("insert returned no row") });
    return { ...row, profileId: null };
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new AppError("NOT_FOUND", { cause: error });
    throw error;
  }
}

/** What the caller must clean up after {@link deleteDocument}. */
export interface DeletedDocument {
  id: string;
  filename: string;
  /** Objects to remove from storage (the original, and the upload while it was not yet published). */
  storageKeys: string[];
  /** Declared size: what was reserved for it and has now been given back to the stored-bytes counter. */
  size: number;
  /** When the upload was finalized; `null` if never. */
  finalizedAt: Date | null;
}

/**
 * Deletes document `documentId` of `workspaceId`; its profile and every fact go with it by cascade, and
 * its declared size goes back to the stored-bytes counter in the same transaction (it was reserved when
 * the upload was granted). Returns the storage keys for the caller to remove (the database cannot). With
 * `onlyIfUnfinalized`, the row is deleted only while it is still an unfinalized upload (stale-upload
 * cleanup). Throws `AppError("NOT_FOUND")` when there is no such document (or it was finalized, with
 * `onlyIfUnfinalized`).
 */
export async function deleteDocument(
  db: Database,
  params: { workspaceId: string; documentId: string; onlyIfUnfinalized?: boolean | undefined },
): Promise<DeletedDocument> {
  if (!isUuid(params.workspaceId) || !isUuid(params.documentId)) throw new AppError("NOT_FOUND");
  const conditions = [eq(documents.id, params.documentId), eq(documents.workspaceId, params.workspaceId)];
  if (params.onlyIfUnfinalized) {
    conditions.push(eq(documents.status, "uploaded"), isNull(documents.finalizedAt));
  }
  const row = await db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(documents)
      .where(and(...conditions))
      .returning({
        id: documents.id,
        filename: documents.filename,
        storageKey: documents.storageKey,
        uploadKey: documents.uploadKey,
        size: documents.size,
        finalizedAt: documents.finalizedAt,
      });
    if (deleted === undefined) throw new AppError("NOT_FOUND");
    await releaseStoredBytes(tx, { workspaceId: params.workspaceId, bytes: deleted.size });
    return deleted;
  });
  return {
    id: row.id,
    filename: row.filename,
    storageKeys: row.uploadKey === null ? [row.storageKey] : [row.uploadKey, row.storageKey],
    size: row.size,
    finalizedAt: row.finalizedAt,
  };
}
