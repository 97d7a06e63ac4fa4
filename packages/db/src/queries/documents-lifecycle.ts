import { AppError } from "@vitae/errors";
import { and, eq, exists, inArray, isNotNull, isNull, not, or, type SQL, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Database } from "../database";
import { type DocumentStatus, type DocumentWarningRecord, documents, jobRuns } from "../schema";
import { type DocumentRecord, getDocument } from "./documents-read";
import { isUuid } from "./ids";

/**
 * Document lifecycle: uploaded → (finalized) → processing → ready | failed. Every transition is one
 * guarded UPDATE (`… where status in (…)`), so redelivered jobs and racing workers are idempotent and a
 * ready or failed document is never reopened, except explicitly by {@link reopenDocumentForReingest}.
 * All of them take `workspaceId`: another workspace's document behaves exactly like a missing one.
 */

interface DocumentRef {
  workspaceId: string;
  documentId: string;
}

async function transition(
  db: Database,
  ref: DocumentRef,
  guard: SQL | undefined,
  values: PgUpdateSetSource<typeof documents>,
): Promise<boolean> {
  if (!isUuid(ref.workspaceId) || !isUuid(ref.documentId)) return false;
  const rows = await db
    .update(documents)
    .set(values)
    .where(and(eq(documents.id, ref.documentId), eq(documents.workspaceId, ref.workspaceId), guard))
    .returning({ id: documents.id });
  return rows.length > 0;
}

function statusIn(...statuses: DocumentStatus[]): SQL {
  return inArray(documents.status, statuses);
}

/**
 * The client reports the upload complete: sets `finalized_at` on an `uploaded` document (status stays
 * `uploaded` until the ingest job picks it up). Idempotent: a repeated call keeps the first time. Returns
 * the document in whatever state it is (the caller enqueues ingestion while it is still `uploaded`), or
 * `undefined` when it does not exist in `workspaceId`.
 */
export async function markDocumentFinalized(
  db: Database,
  ref: DocumentRef,
): Promise<DocumentRecord | undefined> {
  await transition(db, ref, and(eq(documents.status, "uploaded"), isNull(documents.finalizedAt)), {
    finalizedAt: sql`now()`,
  });
  return getDocument(db, ref);
}

/**
 * The ingest job starts: a finalized `uploaded` document (or one already `processing`, when a stalled
 * attempt is redelivered) → `processing`. Returns `false` when the job must not run: missing, never
 * finalized, or already `ready`/`failed`.
 */
export function markDocumentProcessing(db: Database, ref: DocumentRef): Promise<boolean> {
  return transition(
    db,
    ref,
    or(
      and(eq(documents.status, "uploaded"), isNotNull(documents.finalizedAt)),
      eq(documents.status, "processing"),
    ),
    { status: "processing", errorCode: null, errorMessage: null },
  );
}

/** Parameters of {@link markDocumentReady}. */
export interface MarkDocumentReadyParams extends DocumentRef {
  /** Extracted plain text (kept for grounding). */
  text: string;
  /** The MIME type the bytes turned out to be. */
  detectedType: string;
  /** Lower-case hex SHA-256 of the original. */
  sha256: string;
  pageCount: number | null;
  /** What ingestion left out of the profile (client-safe); none when omitted. */
  warnings?: DocumentWarningRecord[];
}

/**
 * `processing` → `ready` with what extraction found; clears `upload_key` (the worker has published the
 * validated bytes at `storage_key`, so the upload is no longer awaited or read). Returns `false` (and
 * changes nothing) otherwise.
 * Throws `AppError("BAD_REQUEST")` for a malformed `sha256` or a negative/non-integer `pageCount`.
 */
export function markDocumentReady(db: Database, params: MarkDocumentReadyParams): Promise<boolean> {
  if (!/^[0-9a-f]{64}$/.test(params.sha256)) {
    throw new AppError("BAD_REQUEST", { message: "sha256 must be 64 lower-case hex characters." });
  }
  if (params.pageCount !== null && (!Number.isInteger(params.pageCount) || params.pageCount < 0)) {
    throw new AppError("BAD_REQUEST", { message: "pageCount must be a non-negative integer." });
  }
  return transition(db, params, statusIn("processing"), {
    status: "ready",
    uploadKey: null,
    text: params.text,
    detectedType: params.detectedType,
    sha256: params.sha256,
    pageCount: params.pageCount,
    warnings: params.warnings ?? [],
    errorCode: null,
    errorMessage: null,
  });
}

/** Parameters of {@link markDocumentFailed}. */
export interface MarkDocumentFailedParams extends DocumentRef {
  /** A document error code (`documentErrorCodes` in `@vitae/documents`). */
  errorCode: string;
  /** Client-safe text only: never a raw exception message, SQL or path. */
  errorMessage: string;
  /**
   * Only when this ingest run is still the document's current one (a run that ran out of attempts
   * must not fail a document that was re-ingested since).
   */
  runId?: string | undefined;
}

/**
 * `uploaded` (e.g. `STORAGE_MISSING` at finalize) or `processing` → `failed` with the error. Returns
 * `false` when the document is missing, already `ready`/`failed` (the first outcome stands), or no
 * longer waits for `runId`.
 */
export function markDocumentFailed(db: Database, params: MarkDocumentFailedParams): Promise<boolean> {
  if (params.runId !== undefined && !isUuid(params.runId)) return Promise.resolve(false);
  const guard = statusIn("uploaded", "processing");
  const current = params.runId === undefined ? undefined : eq(documents.currentRunId, params.runId);
  return transition(db, params, and(guard, current), {
    status: "failed",
    errorCode: params.errorCode,
    errorMessage: params.errorMessage,
  });
}

/**
 * The explicit way back: a `ready` or `failed` document → finalized `uploaded` waiting for run `runId`
 * (a new id), with the error and everything extraction stored cleared, so the caller can enqueue that
 * run (a new parser version, a transient failure). The old profile stays visible until the new one
 * replaces it. Returns `false` when the document is missing, still in progress, or its current run is
 * still `queued`/`running`. The caller inserts run `runId` in the same transaction.
 */
export function reopenDocumentForReingest(
  db: Database,
  params: DocumentRef & { runId: string },
): Promise<boolean> {
  if (!isUuid(params.runId)) return Promise.resolve(false);
  const activeRun = db
    .select({ id: jobRuns.id })
    .from(jobRuns)
    .where(and(eq(jobRuns.id, documents.currentRunId), inArray(jobRuns.status, ["queued", "running"])));
  return transition(db, params, and(statusIn("ready", "failed"), not(exists(activeRun))), {
    status: "uploaded",
    currentRunId: params.runId,
    finalizedAt: sql`coalesce(${documents.finalizedAt}, now())`,
    errorCode: null,
    errorMessage: null,
    text: null,
    detectedType: null,
    sha256: null,
    pageCount: null,
    warnings: [],
  });
}
