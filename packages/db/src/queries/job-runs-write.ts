import { AppError } from "@vitae/errors";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../database";
import { jobRuns } from "../schema";
import { isJobRunId, type JobRun, jobRunColumns } from "./job-run-columns";

/**
 * Every transition below is a single guarded UPDATE (`… where status in (…)`), so at-least-once delivery
 * and racing workers stay idempotent: a finished run is never reopened, and a repeated completion or
 * failure changes nothing and reports `false`.
 */

/** Parameters of {@link insertJobRun}. */
export interface InsertJobRunParams {
  /**
   * A caller-chosen id (e.g. the document a job works on), making the insert idempotent: when a run
   * with this id exists, it is returned unchanged instead. Default: a new random id.
   */
  id?: string | undefined;
  name: string;
  queue: string;
  /** Validated job payload; kept so the reconciler can re-enqueue the job. */
  payload: unknown;
  workspaceId?: string | null | undefined;
  /** BullMQ `attempts` for the job (default 1). */
  maxAttempts?: number | undefined;
}

/**
 * Inserts a `queued` run and returns it; its `id` becomes the BullMQ job id. Called by `enqueue`. With
 * an explicit `id` that already exists, returns the existing run — unless it belongs to another job or
 * workspace, which is a `CONFLICT` (an id is never shared across jobs or tenants).
 */
export async function insertJobRun(db: Database, params: InsertJobRunParams): Promise<JobRun> {
  if (params.id !== undefined && !isJobRunId(params.id)) throw new AppError("BAD_REQUEST");
  const [row] = await db
    .insert(jobRuns)
    .values({
      ...(params.id === undefined ? {} : { id: params.id }),
      name: params.name,
      queue: params.queue,
      payload: params.payload,
      workspaceId: params.workspaceId ?? null,
      maxAttempts: params.maxAttempts ?? 1,
    })
    .onConflictDoNothing({ target: jobRuns.id })
    .returning(jobRunColumns);
  if (row !== undefined) return row;
  const [existing] =
    params.id === undefined
      ? []
      : await db.select(jobRunColumns).from(jobRuns).where(eq(jobRuns.id, params.id));
  if (existing === undefined) throw new AppError("INTERNAL", { cause: new Error("insert returned no row") });
  if (existing.name !== params.name || existing.workspaceId !== (params.workspaceId ?? null)) {
    throw new AppError("CONFLICT");
  }
  return existing;
}

/**
 * Starts an attempt: `queued`/`running` → `running`, increments `attempts`, resets progress. Returns the
 * updated run, or `undefined` when the run does not exist or is already finished — the worker then skips
 * the handler (a redelivered job must not run twice). `running` is accepted because a stalled attempt is
 * redelivered while its row still says running.
 */
export async function markJobRunRunning(db: Database, params: { id: string }): Promise<JobRun | undefined> {
  if (!isJobRunId(params.id)) return undefined;
  const [row] = await db
    .update(jobRuns)
    .set({
      status: "running",
      attempts: sql`${jobRuns.attempts} + 1`,
      progress: 0,
      progressMessage: null,
      startedAt: sql`now()`,
    })
    .where(and(eq(jobRuns.id, params.id), inArray(jobRuns.status, ["queued", "running"])))
    .returning(jobRunColumns);
  return row;
}

/** Parameters of {@link updateJobRunProgress}. */
export interface UpdateJobRunProgressParams {
  id: string;
  /** Percent; rounded and clamped to 0–100. */
  progress: number;
  /** Shown to users; `undefined` keeps the current message, `null` clears it. */
  message?: string | null | undefined;
}

/**
 * Records progress of a `running` run. Returns `false` (and changes nothing) for any other status.
 * Throws `AppError("BAD_REQUEST")` when `progress` is not a finite number.
 */
export async function updateJobRunProgress(
  db: Database,
  params: UpdateJobRunProgressParams,
): Promise<boolean> {
  if (!Number.isFinite(params.progress)) {
    throw new AppError("BAD_REQUEST", { message: "Progress must be a finite number." });
  }
  if (!isJobRunId(params.id)) return false;
  const progress = Math.min(100, Math.max(0, Math.round(params.progress)));
  const rows = await db
    .update(jobRuns)
    .set({ progress, progressMessage: params.message })
    .where(and(eq(jobRuns.id, params.id), eq(jobRuns.status, "running")))
    .returning({ id: jobRuns.id });
  return rows.length > 0;
}

/**
 * `running` → `succeeded` with `result` (JSON), progress 100 and errors cleared. Returns `false` and
 * changes nothing unless the run is `running` (so a duplicate completion is a no-op).
 */
export async function completeJobRun(
  db: Database,
  params: { id: string; result?: unknown },
): Promise<boolean> {
  if (!isJobRunId(params.id)) return false;
  const rows = await db
    .update(jobRuns)
    .set({
      status: "succeeded",
      progress: 100,
      result: params.result ?? null,
      errorCode: null,
      errorMessage: null,
      finishedAt: sql`now()`,
    })
    .where(and(eq(jobRuns.id, params.id), eq(jobRuns.status, "running")))
    .returning({ id: jobRuns.id });
  return rows.length > 0;
}

/** Parameters of {@link failJobRun}. */
export interface FailJobRunParams {
  id: string;
  /** An `AppErrorCode` (or another stable code) for clients to switch on. */
  errorCode: string;
  /** Client-safe text only: never a raw exception message, SQL or path. */
  errorMessage: string;
  /**
   * `true` when the queue will try again: `running` → `queued` with the error kept and `enqueued_at`
   * refreshed. Otherwise the failure is final: `queued`/`running` → `failed`.
   */
  willRetry?: boolean | undefined;
}

/** Records a failed attempt (see {@link FailJobRunParams.willRetry}). Returns `false` when not applicable. */
export async function failJobRun(db: Database, params: FailJobRunParams): Promise<boolean> {
  if (!isJobRunId(params.id)) return false;
  const error = { errorCode: params.errorCode, errorMessage: params.errorMessage };
  const rows = params.willRetry
    ? await db
        .update(jobRuns)
        .set({ ...error, status: "queued", enqueuedAt: sql`now()` })
        .where(and(eq(jobRuns.id, params.id), eq(jobRuns.status, "running")))
        .returning({ id: jobRuns.id })
    : await db
        .update(jobRuns)
        .set({ ...error, status: "failed", finishedAt: sql`now()` })
        .where(and(eq(jobRuns.id, params.id), inArray(jobRuns.status, ["queued", "running"])))
        .returning({ id: jobRuns.id });
  return rows.length > 0;
}

/**
 * Records that a `queued` run was (re)handed to the queue now, restarting its staleness clock. Returns
 * `false` when the run is no longer queued. Called after `Queue.add` and by the reconciler.
 */
export async function touchJobRunEnqueued(db: Database, params: { id: string }): Promise<boolean> {
  if (!isJobRunId(params.id)) return false;
  const rows = await db
    .update(jobRuns)
    .set({ enqueuedAt: sql`now()` })
    .where(and(eq(jobRuns.id, params.id), eq(jobRuns.status, "queued")))
    .returning({ id: jobRuns.id });
  return rows.length > 0;
}

/**
 * `running` → `queued` with `enqueued_at` restarted, keeping `attempts`: the reconciler found the attempt
 * abandoned (its BullMQ job failed, vanished or lost its lock) and hands the run to the queue again.
 * Returns `false` when the run is no longer running.
 */
export async function requeueJobRun(db: Database, params: { id: string }): Promise<boolean> {
  if (!isJobRunId(params.id)) return false;
  const rows = await db
    .update(jobRuns)
    .set({ status: "queued", enqueuedAt: sql`now()` })
    .where(and(eq(jobRuns.id, params.id), eq(jobRuns.status, "running")))
    .returning({ id: jobRuns.id });
  return rows.length > 0;
}
