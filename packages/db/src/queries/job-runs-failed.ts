import { and, desc, eq, isNotNull, or } from "drizzle-orm";
import type { Database } from "../database";
import { jobRuns } from "../schema";

/**
 * A run whose last attempt failed, as an operator sees it: never its payload or result (they may hold
 * user data). `status` is `queued` while it waits to be tried again and `failed` once failed for good.
 */
export interface FailedJobRunRow {
  id: string;
  workspaceId: string | null;
  name: string;
  queue: string;
  status: "queued" | "failed";
  attempts: number;
  maxAttempts: number;
  errorCode: string | null;
  errorMessage: string | null;
  /** When the failure was recorded (the run's last update). */
  failedAt: Date;
}

/**
 * The most recent runs whose last attempt failed — waiting to be retried (`queued` with an error code,
 * written by the processor for a retryable failure) or failed for good — newest first, across every
 * workspace. For the operators' queue view only: it has no workspace filter.
 */
export async function listFailedJobRuns(db: Database, params: { limit: number }): Promise<FailedJobRunRow[]> {
  const rows = await db
    .select({
      id: jobRuns.id,
      workspaceId: jobRuns.workspaceId,
      name: jobRuns.name,
      queue: jobRuns.queue,
      status: jobRuns.status,
      attempts: jobRuns.attempts,
      maxAttempts: jobRuns.maxAttempts,
      errorCode: jobRuns.errorCode,
      errorMessage: jobRuns.errorMessage,
      failedAt: jobRuns.updatedAt,
    })
    .from(jobRuns)
    .where(or(eq(jobRuns.status, "failed"), and(eq(jobRuns.status, "queued"), isNotNull(jobRuns.errorCode))))
    .orderBy(desc(jobRuns.updatedAt), desc(jobRuns.id))
    .limit(params.limit);
  return rows.map((row) => ({ ...row, status: row.status === "failed" ? "failed" : "queued" }));
}
