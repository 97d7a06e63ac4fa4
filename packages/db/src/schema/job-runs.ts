import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { id, timestamps, timestampTz, workspaceId } from "./columns";

/** Lifecycle of a job run: queued → running → succeeded | failed (running → queued between retries). */
export const jobRunStatus = pgEnum("job_run_status", ["queued", "running", "succeeded", "failed"]);

/** One status value of {@link jobRunStatus}. */
export type JobRunStatus = (typeof jobRunStatus.enumValues)[number];

/**
 * The durable record of every background job: the source of truth for status and progress shown to
 * users, and — through `payload` — what the reconciler re-enqueues when a BullMQ job was lost.
 * The BullMQ job id equals `id`, which makes enqueueing idempotent.
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text().notNull(),
    queue: text().notNull(),
    status: jobRunStatus().notNull().default("queued"),
    progress: integer().notNull().default(0),
    progressMessage: text(),
    payload: jsonb().$type<unknown>().notNull(),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(1),
    result: jsonb().$type<unknown>(),
    errorCode: text(),
    // Shown to clients as-is: callers store only client-safe text here, never raw exception messages.
    errorMessage: text(),
    ...timestamps,
    // Last hand-over to the queue (initially the insert time): the reconciler's staleness clock.
    enqueuedAt: timestampTz().notNull().defaultNow(),
    startedAt: timestampTz(),
    finishedAt: timestampTz(),
  },
  (table) => [
    index("job_runs_status_enqueued_at_idx").on(table.status, table.enqueuedAt),
    index("job_runs_workspace_id_idx").on(table.workspaceId),
    check("job_runs_progress_range", sql`${table.progress} between 0 and 100`),
    check("job_runs_attempts_range", sql`${table.attempts} >= 0 and ${table.maxAttempts} >= 1`),
  ],
);
