import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../database";
import { exports, jobRuns } from "../schema";
import type { ExportRecord, ExportRef } from "./exports";
import { isUuid } from "./ids";

/** An export with the progress of the run that produces it. */
export interface ExportWithProgress extends ExportRecord {
  /** 0–100 from the run; 100 once the export is finished. */
  progress: number;
  /** The run's user-facing progress message, if any. */
  progressMessage: string | null;
}

/**
 * Export `exportId` of `workspaceId` with its run's progress; `undefined` when missing, malformed or
 * another workspace's. Whether a `ready` export is already past `expiresAt` is the caller's to judge
 * against its clock (the sweep marks it `expired` a little later).
 */
export async function getExport(db: Database, ref: ExportRef): Promise<ExportWithProgress | undefined> {
  if (!isUuid(ref.workspaceId) || !isUuid(ref.exportId)) return undefined;
  const [row] = await db
    .select({
      export: exports,
      progress: jobRuns.progress,
      progressMessage: jobRuns.progressMessage,
    })
    .from(exports)
    .leftJoin(jobRuns, eq(jobRuns.id, exports.id))
    .where(and(eq(exports.id, ref.exportId), eq(exports.workspaceId, ref.workspaceId)))
    .limit(1);
  if (row === undefined) return undefined;
  const isFinished = row.export.status !== "queued" && row.export.status !== "running";
  return {
    ...row.export,
    progress: isFinished ? 100 : (row.progress ?? 0),
    progressMessage: row.progressMessage ?? null,
  };
}

/** One export the sweep is due to expire. */
export interface DueExport {
  workspaceId: string;
  id: string;
  objectKey: string;
}

/**
 * Ready and failed exports whose `expiresAt` is at or before `now` (default: the database clock),
 * soonest first, at most `limit` — for the sweep, which expires each with `expireExport`.
 */
export async function listExpiredExports(
  db: Database,
  params: { now?: Date | undefined; limit: number },
): Promise<DueExport[]> {
  const due =
    params.now === undefined
      ? sql`${exports.expiresAt} <= now()`
      : sql`${exports.expiresAt} <= ${params.now.toISOString()}::timestamptz`;
  return db
    .select({ workspaceId: exports.workspaceId, id: exports.id, objectKey: exports.objectKey })
    .from(exports)
    .where(and(inArray(exports.status, ["ready", "failed"]), due))
    .orderBy(asc(exports.expiresAt))
    .limit(params.limit);
}
