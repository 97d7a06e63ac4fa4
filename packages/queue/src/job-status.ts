import type { JobRunStatus } from "@vitae/db";

/**
 * What a client may see of a job run — no payload, no internal columns. Timestamps are ISO-8601 strings
 * so the snapshot crosses JSON transports (tRPC, SSE) unchanged.
 */
export interface JobStatusSnapshot {
  id: string;
  name: string;
  /** The owning workspace (null for system jobs); callers authorise against it before showing the job. */
  workspaceId: string | null;
  status: JobRunStatus;
  /** 0–100. */
  progress: number;
  progressMessage: string | null;
  /** Attempts started so far (1 on the first run). */
  attempts: number;
  maxAttempts: number;
  /** The handler's JSON result once `succeeded`, else null. */
  result: unknown;
  /** A stable `AppErrorCode` once `failed` (or after a retryable failure), else null. */
  errorCode: string | null;
  /** Client-safe text matching `errorCode`. */
  errorMessage: string | null;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** The row columns a snapshot is built from (structural, so any `job_runs` select with them fits). */
export interface JobRunRowLike {
  id: string;
  name: string;
  workspaceId: string | null;
  status: JobRunStatus;
  progress: number;
  progressMessage: string | null;
  attempts: number;
  maxAttempts: number;
  result: unknown;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** True for the statuses a run never leaves. */
export function isTerminalJobStatus(status: JobRunStatus): boolean {
  return status === "succeeded" || status === "failed";
}

/** Projects a row onto the client-safe snapshot (explicit fields, so new columns never leak). */
export function toJobStatusSnapshot(row: JobRunRowLike): JobStatusSnapshot {
  return {
    id: row.id,
    name: row.name,
    workspaceId: row.workspaceId,
    status: row.status,
    progress: row.progress,
    progressMessage: row.progressMessage,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    result: row.status === "succeeded" ? (row.result ?? null) : null,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
