import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../database";
import { documents } from "../schema";
import { type InsertAuditEventParams, insertAuditEvent } from "./audit";
import { type DocumentRecord, getDocument } from "./documents-read";
import { type InsertDocumentParams, insertDocument } from "./documents-write";
import { type InsertJobRunParams, insertJobRun } from "./job-runs-write";
import { reserveStoredBytes } from "./stored-bytes";

/**
 * The upload workflow's writes. Stored bytes are counted from the moment the right to store them is
 * granted (the presigned URL is bound to the exact declared size), not when the client reports back:
 * bytes of an upload that is never finalized are counted until the stale-upload sweep removes them,
 * and deleting a document gives them back (see `deleteDocument`).
 */

/** Parameters of {@link createDocumentUpload}. */
export interface CreateDocumentUploadParams extends InsertDocumentParams {
  /** The plan's stored-bytes quota. */
  storedBytesLimit: number;
}

/**
 * Records a new upload and reserves its declared size in the stored-bytes quota, in one transaction:
 * either both happen or neither. Throws `AppError("QUOTA_EXCEEDED")` when the reservation would pass
 * the limit, plus {@link insertDocument}'s errors.
 */
export function createDocumentUpload(
  db: Database,
  params: CreateDocumentUploadParams,
): Promise<DocumentRecord> {
  const { storedBytesLimit, ...document } = params;
  return db.transaction(async (tx) => {
    const inserted = await insertDocument(tx, document);
    await reserveStoredBytes(tx, {
      workspaceId: inserted.workspaceId,
      bytes: inserted.size,
      limit: storedBytesLimit,
    });
    return inserted;
  });
}

/** Parameters of {@link finalizeDocumentUpload}. */
export interface FinalizeDocumentUploadParams {
  workspaceId: string;
  documentId: string;
  /** The ingest run to record (its `id` is the BullMQ job id); inserted only by the finalize that wins. */
  ingestRun: InsertJobRunParams & { id: string };
  /** The upload's audit event, written in the same transaction by the finalize that wins. */
  audit?: InsertAuditEventParams | undefined;
}

/** The outcome of {@link finalizeDocumentUpload}. */
export interface FinalizedUpload {
  /** The document as it is now. */
  document: DocumentRecord;
  /** True for exactly one call per upload: the one whose transaction set `finalized_at`. */
  isFirst: boolean;
}

/**
 * The client reports the upload complete. One transaction sets `finalized_at` on an unfinalized
 * `uploaded` document (a guarded UPDATE: concurrent calls serialize on the row, exactly one changes it)
 * and, only in that call, makes the ingest run the document's current run and inserts its `job_runs`
 * row and the upload's audit event — so a crash after commit leaves a
 * `queued` run the reconciler dispatches, never a finalized document nothing will ingest. Later calls
 * change nothing and report `isFirst: false`. Returns `undefined` when the document does not exist in
 * `workspaceId`.
 */
export async function finalizeDocumentUpload(
  db: Database,
  params: FinalizeDocumentUploadParams,
): Promise<FinalizedUpload | undefined> {
  const ref = { workspaceId: params.workspaceId, documentId: params.documentId };
  if ((await getDocument(db, ref)) === undefined) return undefined;
  const isFirst = await db.transaction(async (tx) => {
    const changed = await tx
      .update(documents)
      .set({ finalizedAt: sql`now()`, currentRunId: params.ingestRun.id })
      .where(
        and(
          eq(documents.id, params.documentId),
          eq(documents.workspaceId, params.workspaceId),
          eq(documents.status, "uploaded"),
          isNull(documents.finalizedAt),
        ),
      )
      .returning({ id: documents.id });
    if (changed.length === 0) return false;
    await insertJobRun(tx, params.ingestRun);
    if (params.audit !== undefined) await insertAuditEvent(tx, params.audit);
    return true;
  });
  const document = await getDocument(db, ref);
  return document === undefined ? undefined : { document, isFirst };
}
