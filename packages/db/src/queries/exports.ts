import {
  type ExportInvalidRows,
  type ExportStatus,
  type ImportExportFormat,
  type ProfileExportFormat,
  toExportErrorCode,
} from "@vitae/contracts";
import { AppError } from "@vitae/errors";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Database } from "../database";
import { exports } from "../schema";
import { type InsertAuditEventParams, insertAuditEvent } from "./audit";
import { isUuid } from "./ids";
import { type InsertJobRunParams, insertJobRun } from "./job-runs-write";
import { releaseStoredBytes, reserveStoredBytes } from "./stored-bytes";

/**
 * The export lifecycle, for every source: queued → running → ready | failed → expired. Each transition
 * is one guarded UPDATE, so redelivered jobs and racing sweeps are idempotent, and every function takes
 * `workspaceId`: another workspace's export behaves exactly like a missing one. Stored bytes are counted
 * when an export turns ready and given back when it expires, each in the transaction of its transition.
 */

/** An export row as stored. */
export type ExportRecord = typeof exports.$inferSelect;

/** What an export is made from, with the options of its kind. */
export type ExportSource =
  | { kind: "profile"; profileId: string; format: ProfileExportFormat; template: string }
  | { kind: "import"; importId: string; format: ImportExportFormat; invalidRows: ExportInvalidRows };

/** Names one export of one workspace. */
export interface ExportRef {
  workspaceId: string;
  exportId: string;
}

/** Where export `exportId`'s file lives: under its workspace, named by its format. */
export function exportObjectKey(params: { workspaceId: string; exportId: string; format: string }): string {
  return `workspaces/${params.workspaceId}/exports/${params.exportId}/export.${params.format}`;
}

/** Where an import export's rejected rows live: beside the export's file, under the export's prefix. */
export function rejectedRowsKey(objectKey: string): string {
  return `${objectKey.slice(0, objectKey.lastIndexOf("/") + 1)}rejected.csv`;
}

/**
 * Every object an export may own: its file and, for an import export, the rejected rows beside it. What
 * deletes an export deletes all of them (deleting an object that was never written succeeds).
 */
export function exportObjectKeys(objectKey: string): string[] {
  return [objectKey, rejectedRowsKey(objectKey)];
}

/** Parameters of {@link createExport}. */
export interface CreateExportParams {
  /** The export's id, chosen by the caller: it is also the id of `run`. */
  id: string;
  workspaceId: string;
  /** The requesting user (an API key's creator); `null` when unknown. */
  createdBy: string | null;
  source: ExportSource;
  /** The stored content type (`exportContentTypes[format]` of `@vitae/contracts`). */
  contentType: string;
  /** The name the browser saves the file as (already sanitised). */
  filename: string;
  /** How long the file lives once written (`EXPORT_TTL_SECONDS`). */
  ttlSeconds: number;
  /** The plan's stored-bytes quota: the file is counted against it when it is written. */
  storedBytesLimit: number;
  /** The run that produces the file (`prepareJobRun(job, payload, { jobRunId: id, workspaceId })`). */
  run: InsertJobRunParams & { id: string };
  audit: InsertAuditEventParams;
}

/**
 * Records a `queued` export, the `job_runs` row of the run that produces it and its audit event in one
 * transaction; the caller then hands the run to the queue (`enqueue` with the same `jobRunId`), and the
 * reconciler does so if the process dies in between. The object key is {@link exportObjectKey}.
 * `BAD_REQUEST` when `run.id` is not the export's id; `NOT_FOUND` for a malformed or unknown workspace.
 */
export async function createExport(db: Database, params: CreateExportParams): Promise<ExportRecord> {
  if (!isUuid(params.workspaceId)) throw new AppError("NOT_FOUND");
  if (!isUuid(params.id) || params.run.id !== params.id) {
    throw new AppError("BAD_REQUEST", { message: "An export's run must carry the export's id." });
  }
  const { source } = params;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(exports)
      .values({
        id: params.id,
        workspaceId: params.workspaceId,
        createdBy: params.createdBy,
        profileId: source.kind === "profile" ? source.profileId : null,
        importId: source.kind === "import" ? source.importId : null,
        format: source.format,
        template: source.kind === "profile" ? source.template : null,
        invalidRows: source.kind === "import" ? source.invalidRows : null,
        objectKey: exportObjectKey({
          workspaceId: params.workspaceId,
          exportId: params.id,
          format: source.format,
        }),
        contentType: params.contentType,
        filename: params.filename,
        ttlSeconds: params.ttlSeconds,
        storedBytesLimit: params.storedBytesLimit,
      })
      .returning();
    if (row === undefined) throw new AppError("INTERNAL", { cause: new Error("insert returned no row") });
    await insertJobRun(tx, { ...params.run, workspaceId: params.workspaceId });
    await insertAuditEvent(tx, params.audit);
    return row;
  });
}

async function transition(
  db: Database,
  ref: ExportRef,
  from: readonly ExportStatus[],
  values: PgUpdateSetSource<typeof exports>,
  extra?: SQL | undefined,
): Promise<ExportRecord | undefined> {
  if (!isUuid(ref.workspaceId) || !isUuid(ref.exportId)) return undefined;
  const [row] = await db
    .update(exports)
    .set(values)
    .where(
      and(
        eq(exports.id, ref.exportId),
        eq(exports.workspaceId, ref.workspaceId),
        inArray(exports.status, [...from]),
        extra,
      ),
    )
    .returning();
  return row;
}

/**
 * The run starts (or a stalled attempt is redelivered): `queued`/`running` → `running`. False when the
 * export is missing or already finished — the run then has nothing to do.
 */
export async function markExportRunning(db: Database, ref: ExportRef): Promise<boolean> {
  return (await transition(db, ref, ["queued", "running"], { status: "running" })) !== undefined;
}

/** Parameters of {@link markExportReady}. */
export interface MarkExportReadyParams extends ExportRef {
  /** Bytes written at the export's `objectKey`. */
  size: number;
  /** Lower-case hex SHA-256 of those bytes. */
  sha256: string;
  /** Import exports only: the balanced row ledger of the file. */
  ledger?: Record<string, unknown> | undefined;
}

/**
 * The run wrote the file: `running` → `ready` with its size, hash (and ledger), expiring `ttlSeconds`
 * from now; its size is counted in the stored-bytes quota (the `storedBytesLimit` recorded at creation)
 * in the same transaction. Throws
 * `AppError("QUOTA_EXCEEDED")` (nothing changes) when the file does not fit the plan — the caller deletes
 * the object and fails the export with that code. `BAD_REQUEST` for a malformed size or hash, or a
 * ledger on a profile export. False when the export is missing or not running.
 */
export async function markExportReady(db: Database, params: MarkExportReadyParams): Promise<boolean> {
  if (!/^[0-9a-f]{64}$/.test(params.sha256)) {
    throw new AppError("BAD_REQUEST", { message: "sha256 must be 64 lower-case hex characters." });
  }
  if (!Number.isSafeInteger(params.size) || params.size < 0) {
    throw new AppError("BAD_REQUEST", { message: "size must be a non-negative integer." });
  }
  if (!isUuid(params.workspaceId) || !isUuid(params.exportId)) return false;
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ importId: exports.importId, storedBytesLimit: exports.storedBytesLimit })
      .from(exports)
      .where(and(eq(exports.id, params.exportId), eq(exports.workspaceId, params.workspaceId)))
      .for("update");
    if (current === undefined) return false;
    if (params.ledger !== undefined && current.importId === null) {
      throw new AppError("BAD_REQUEST", { message: "Only import exports carry a ledger." });
    }
    const row = await transition(tx, params, ["running"], {
      status: "ready",
      size: params.size,
      sha256: params.sha256,
      ledger: params.ledger ?? null,
      errorCode: null,
      finishedAt: sql`now()`,
      expiresAt: sql`now() + make_interval(secs => ${exports.ttlSeconds})`,
    });
    if (row === undefined) return false;
    await reserveStoredBytes(tx, {
      workspaceId: params.workspaceId,
      bytes: params.size,
      limit: current.storedBytesLimit,
    });
    return true;
  });
}

/**
 * The run failed with `errorCode`: `queued`/`running` → `failed`. A code outside `exportErrorCodes` (a
 * run's infrastructure code such as `SERVICE_UNAVAILABLE`) is stored as `EXPORT_FAILED`. It expires like a ready export, so the sweep also
 * removes whatever partial object the run left. False when missing or already finished (the first
 * outcome stands).
 */
export async function markExportFailed(
  db: Database,
  params: ExportRef & { errorCode: string },
): Promise<boolean> {
  const row = await transition(db, params, ["queued", "running"], {
    status: "failed",
    errorCode: toExportErrorCode(params.errorCode),
    finishedAt: sql`now()`,
    expiresAt: sql`now() + make_interval(secs => ${exports.ttlSeconds})`,
  });
  return row !== undefined;
}

/**
 * An export whose `expiresAt` is at or before `now` (default: the database clock) → `expired`, giving
 * its counted bytes back in the same transaction. Returns the key whose object the caller deletes and
 * the bytes released, or `undefined` when it is missing, not finished, not yet due or already expired.
 */
export async function expireExport(
  db: Database,
  params: ExportRef & { now?: Date | undefined },
): Promise<{ objectKey: string; size: number } | undefined> {
  const due =
    params.now === undefined
      ? sql`${exports.expiresAt} <= now()`
      : sql`${exports.expiresAt} <= ${params.now.toISOString()}::timestamptz`;
  return db.transaction(async (tx) => {
    const row = await transition(tx, params, ["ready", "failed"], { status: "expired" }, due);
    if (row === undefined) return undefined;
    // Only `markExportReady` sets (and counts) a size: a failed export gives nothing back.
    const size = row.size ?? 0;
    await releaseStoredBytes(tx, { workspaceId: params.workspaceId, bytes: size });
    return { objectKey: row.objectKey, size };
  });
}
