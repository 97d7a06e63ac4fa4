import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { jobRuns } from "../schema";

/** A job run as the query functions return it. */
export type JobRun = typeof jobRuns.$inferSelect;

/**
 * The explicit column list every job-run query selects or returns (never `select *`, so adding a column
 * is a deliberate change here). `satisfies` fails compilation if a column is missing.
 */
export const jobRunColumns = {
  id: jobRuns.id,
  workspaceId: jobRuns.workspaceId,
  name: jobRuns.name,
  queue: jobRuns.queue,
  status: jobRuns.status,
  progress: jobRuns.progress,
  progressMessage: jobRuns.progressMessage,
  payload: jobRuns.payload,
  attempts: jobRuns.attempts,
  maxAttempts: jobRuns.maxAttempts,
  result: jobRuns.result,
  errorCode: jobRuns.errorCode,
  errorMessage: jobRuns.errorMessage,
  createdAt: jobRuns.createdAt,
  updatedAt: jobRuns.updatedAt,
  enqueuedAt: jobRuns.enqueuedAt,
  startedAt: jobRuns.startedAt,
  finishedAt: jobRuns.finishedAt,
} satisfies Record<keyof JobRun, AnyPgColumn>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids reach these functions from URLs and queue messages; PostgreSQL raises on a malformed uuid, so a
 * malformed id is treated as "no such row" instead of an internal error.
 */
export function isJobRunId(id: string): boolean {
  return uuidPattern.test(id);
}
