import { AppError } from "@vitae/errors";
import { and, asc, desc, eq, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "../database";
import { type ImportStatus, imports } from "../schema";
import { type InsertAuditEventParams, insertAuditEvent } from "./audit";
import { isUuid } from "./ids";
import { type InsertJobRunParams, insertJobRun } from "./job-runs-write";
import { decodeKeysetCursor, encodeKeysetCursor, pageLimit } from "./keyset-cursor";
import { releaseStoredBytes, reserveStoredBytes } from "./stored-bytes";

/**
 * Spreadsheet imports, always scoped by workspace: another workspace's import behaves exactly like a
 * missing one. Lifecycle transitions are guarded UPDATEs, so redelivered analyse jobs are idempotent.
 */

/** An import row as the API reads it; the JSON columns are validated by the caller. */
export type ImportRecord = typeof imports.$inferSelect;

/** An import as listings show it (no analysis JSON). */
export interface ImportSummary {
  id: string;
  entity: string;
  filename: string;
  size: number;
  status: ImportRecord["status"];
  errorCode: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Which import, in which workspace. */
export interface ImportRef {
  workspaceId: string;
  importId: string;
}

/** Default and maximum page sizes of {@link listImports}. */
export const importPageSize = { default: 20, max: 100 } as const;

/** Parameters of {@link createImportUpload}. */
export interface CreateImportUploadParams {
  id: string;
  workspaceId: string;
  uploadedBy: string | null;
  entity: string;
  filename: string;
  contentType: string;
  size: number;
  uploadKey: string;
  /** The plan's stored-bytes quota. */
  storedBytesLimit: number;
}

/**
 * Records a new import upload and reserves its declared size in the stored-bytes quota in one
 * transaction (`QUOTA_EXCEEDED` rolls both back): the presigned URL admits exactly that many bytes.
 */
export function createImportUpload(db: Database, params: CreateImportUploadParams): Promise<ImportRecord> {
  const { storedBytesLimit, ...values } = params;
  if (!isUuid(values.workspaceId)) throw new AppError("NOT_FOUND");
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(imports).values(values).returning();
    if (row === undefined) throw new AppError("NOT_FOUND");
    await reserveStoredBytes(tx, { workspaceId: row.workspaceId, bytes: row.size, limit: storedBytesLimit });
    return row;
  });
}

/** Import `importId` of `workspaceId`; `undefined` when missing, malformed or another workspace's. */
export async function getImport(db: Database, ref: ImportRef): Promise<ImportRecord | undefined> {
  if (!isUuid(ref.workspaceId) || !isUuid(ref.importId)) return undefined;
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.id, ref.importId), eq(imports.workspaceId, ref.workspaceId)))
    .limit(1);
  return row;
}

/**
 * One page of `workspaceId`'s imports, newest first, keyset-paginated on `(created_at, id)`.
 * `BAD_REQUEST` for a malformed cursor or a limit outside 1–100.
 */
export async function listImports(
  db: Database,
  params: { workspaceId: string; cursor?: string | undefined; limit?: number | undefined },
): Promise<{ items: ImportSummary[]; nextCursor: string | null }> {
  const limit = pageLimit(params.limit, importPageSize.default, importPageSize.max);
  const cursor = params.cursor === undefined ? undefined : decodeKeysetCursor(params.cursor);
  if (!isUuid(params.workspaceId)) return { items: [], nextCursor: null };
  const conditions: SQL[] = [eq(imports.workspaceId, params.workspaceId)];
  if (cursor !== undefined) {
    conditions.push(
      sql`(${imports.createdAt}, ${imports.id}) < (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  const rows = await db
    .select({
      id: imports.id,
      entity: imports.entity,
      filename: imports.filename,
      size: imports.size,
      status: imports.status,
      errorCode: imports.errorCode,
      createdAt: imports.createdAt,
      updatedAt: imports.updatedAt,
    })
    .from(imports)
    .where(and(...conditions))
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeKeysetCursor(last) : null };
}

/** Parameters of {@link finalizeImportUpload}. */
export interface FinalizeImportUploadParams extends ImportRef {
  /** The analyse run (its `id` is the BullMQ job id), inserted only by the finalize that wins. */
  analyseRun: InsertJobRunParams & { id: string };
  audit: InsertAuditEventParams;
}

/**
 * The client reports the upload complete. One transaction moves an unfinalized `uploaded` import to
 * `analysing` with the run as its current one, inserts the run's `job_runs` row and the audit event —
 * a crash after commit leaves a `queued` run the reconciler dispatches. Exactly one of any number of
 * concurrent calls wins (`true`); the others change nothing.
 */
export async function finalizeImportUpload(
  db: Database,
  params: FinalizeImportUploadParams,
): Promise<boolean> {
  if (!isUuid(params.workspaceId) || !isUuid(params.importId)) return false;
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(imports)
      .set({ status: "analysing", finalizedAt: sql`now()`, currentRunId: params.analyseRun.id })
      .where(
        and(
          eq(imports.id, params.importId),
          eq(imports.workspaceId, params.workspaceId),
          eq(imports.status, "uploaded"),
          isNull(imports.finalizedAt),
        ),
      )
      .returning({ id: imports.id });
    if (changed.length === 0) return false;
    await insertJobRun(tx, params.analyseRun);
    await insertAuditEvent(tx, params.audit);
    return true;
  });
}

/**
 * A run-driven transition: sets `values` on the import only while it is in `from` and `runId` is its
 * current run, so a stale or superseded run never overwrites a newer state. True when it moved.
 * Callers validate ids first where they promise `false` (not a database error) for malformed ones.
 */
export async function transitionImportByRun(
  db: Database,
  params: ImportRef & { runId: string },
  from: ImportStatus,
  values: Partial<typeof imports.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(imports)
    .set(values)
    .where(
      and(
        eq(imports.id, params.importId),
        eq(imports.workspaceId, params.workspaceId),
        eq(imports.status, from),
        eq(imports.currentRunId, params.runId),
      ),
    )
    .returning({ id: imports.id });
  return rows.length > 0;
}

/** Parameters of {@link markImportMapped}. */
export interface MarkImportMappedParams extends ImportRef {
  runId: string;
  sniff: Record<string, unknown>;
  columns: unknown[];
  mapping: unknown[];
  headerFingerprint: string;
}

/** The analyse run `runId` stores its result: `analysing` → `mapped`. False when the run is not current. */
export async function markImportMapped(db: Database, params: MarkImportMappedParams): Promise<boolean> {
  const { runId, workspaceId, importId, ...values } = params;
  return transitionImportByRun(db, { runId, workspaceId, importId }, "analysing", {
    ...values,
    status: "mapped",
    errorCode: null,
  });
}

/**
 * The analyse run `runId` fails the import with `errorCode` (a file verdict, or a run out of attempts).
 * False when the run is not the current one or the import is no longer `analysing`.
 */
export async function markImportFailed(
  db: Database,
  params: ImportRef & { runId: string; errorCode: string },
): Promise<boolean> {
  if (!isUuid(params.workspaceId) || !isUuid(params.importId) || !isUuid(params.runId)) return false;
  return transitionImportByRun(db, params, "analysing", { status: "failed", errorCode: params.errorCode });
}

/**
 * Deletes an import and gives its bytes back to the stored-bytes quota, with its audit event, in one
 * transaction. `NOT_FOUND` when it does not exist in the workspace. The caller deletes the objects.
 */
export async function deleteImport(
  db: Database,
  params: ImportRef & {
    /** Written in the same transaction; the stale-upload sweep (a system actor) writes none. */
    audit?: (deleted: { filename: string; size: number }) => InsertAuditEventParams;
    /** Only while the upload was never finalized (the sweep's guard against a finalize in between). */
    onlyIfUnfinalized?: boolean;
  },
): Promise<{ id: string; filename: string; size: number; uploadKey: string }> {
  if (!isUuid(params.workspaceId) || !isUuid(params.importId)) throw new AppError("NOT_FOUND");
  return db.transaction(async (tx) => {
    const conditions = [eq(imports.id, params.importId), eq(imports.workspaceId, params.workspaceId)];
    if (params.onlyIfUnfinalized)
      conditions.push(eq(imports.status, "uploaded"), isNull(imports.finalizedAt));
    const [deleted] = await tx
      .delete(imports)
      .where(and(...conditions))
      .returning({
        id: imports.id,
        filename: imports.filename,
        size: imports.size,
        uploadKey: imports.uploadKey,
      });
    if (deleted === undefined) throw new AppError("NOT_FOUND");
    await releaseStoredBytes(tx, { workspaceId: params.workspaceId, bytes: deleted.size });
    if (params.audit) await insertAuditEvent(tx, params.audit(deleted));
    return deleted;
  });
}

/** An import upload granted before a cutoff and never finalized: its reserved bytes are still counted. */
export interface StaleUploadedImport {
  id: string;
  workspaceId: string;
  createdAt: Date;
}

/** Imports still `uploaded` and unfinalized, created before `olderThan`, oldest first (for the sweep). */
export function listStaleUploadedImports(
  db: Database,
  params: { olderThan: Date; limit: number },
): Promise<StaleUploadedImport[]> {
  return db
    .select({ id: imports.id, workspaceId: imports.workspaceId, createdAt: imports.createdAt })
    .from(imports)
    .where(
      and(
        eq(imports.status, "uploaded"),
        isNull(imports.finalizedAt),
        lt(imports.createdAt, params.olderThan),
      ),
    )
    .orderBy(asc(imports.createdAt), asc(imports.id))
    .limit(params.limit);
}
