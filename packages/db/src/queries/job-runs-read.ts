import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "../database";
import { jobRuns } from "../schema";
import { isJobRunId, type JobRun, jobRunColumns } from "./job-run-columns";

function prepareGetJobRun(db: Database) {
  // Named, so postgres.js keeps a server-side prepared statement per connection: the status read is the
  // hottest query (progress polling). PGlite accepts the same call.
  return db
    .select(jobRunColumns)
    .from(jobRuns)
    .where(eq(jobRuns.id, sql.placeholder("id")))
    .limit(1)
    .prepare("vitae_get_job_run");
}

const preparedGetJobRun = new WeakMap<Database, ReturnType<typeof prepareGetJobRun>>();

/**
 * The job run with `id`, or `undefined` when there is none (including a malformed id). No workspace
 * check: callers that serve users compare `workspaceId` themselves. Used by `@vitae/queue` status reads.
 */
export async function getJobRun(db: Database, params: { id: string }): Promise<JobRun | undefined> {
  if (!isJobRunId(params.id)) return undefined;
  let prepared = preparedGetJobRun.get(db);
  if (prepared === undefined) {
    prepared = prepareGetJobRun(db);
    preparedGetJobRun.set(db, prepared);
  }
  const [row] = await prepared.execute({ id: params.id });
  return row;
}

/** Parameters of {@link listStaleQueuedJobRuns}. */
export interface ListStaleQueuedJobRunsParams {
  /** Rows last handed to the queue strictly before this instant are stale. */
  olderThan: Date;
  /** Page size; the reconciler loops until a page comes back short. */
  limit: number;
}

/**
 * Job runs still `queued` whose last hand-over to the queue (`enqueued_at`, initially the insert time) is
 * older than `olderThan`, oldest first, with `payload` so the reconciler can re-enqueue them (the BullMQ
 * job may never have been added, or may have been lost). Served by the (status, enqueued_at) index.
 */
export function listStaleQueuedJobRuns(
  db: Database,
  params: ListStaleQueuedJobRunsParams,
): Promise<JobRun[]> {
  return db
    .select(jobRunColumns)
    .from(jobRuns)
    .where(and(eq(jobRuns.status, "queued"), lt(jobRuns.enqueuedAt, params.olderThan)))
    .orderBy(asc(jobRuns.enqueuedAt), asc(jobRuns.id))
    .limit(params.limit);
}

/** Parameters of {@link listStaleRunningJobRuns}. */
export interface ListStaleRunningJobRunsParams {
  /** Attempts started strictly before this instant are checked (the grace period of a fresh attempt). */
  startedBefore: Date;
  limit: number;
}

/**
 * Job runs `running` since before `startedBefore`, oldest first, with `payload`: the reconciler checks
 * each against its BullMQ job (failed, missing or no longer locked means no worker will finish it).
 * Served by the (status, enqueued_at) index on status.
 */
export function listStaleRunningJobRuns(
  db: Database,
  params: ListStaleRunningJobRunsParams,
): Promise<JobRun[]> {
  return db
    .select(jobRunColumns)
    .from(jobRuns)
    .where(and(eq(jobRuns.status, "running"), lt(jobRuns.startedAt, params.startedBefore)))
    .orderBy(asc(jobRuns.startedAt), asc(jobRuns.id))
    .limit(params.limit);
}

/** Unfinished job runs of one queue in one state, and how long the oldest of them has waited. */
export interface JobRunBacklogRow {
  queue: string;
  status: "queued" | "running";
  count: number;
  /**
   * For `queued`: seconds since the oldest run was last handed to the queue. For `running`: seconds since
   * the oldest run started. This is how operators tell a slow queue from a stuck one.
   */
  oldestSeconds: number;
}

/**
 * Counts of `queued` and `running` runs per queue with the age of the oldest, read by the metrics scrape.
 * Both states are small sets in a healthy system and are served by the (status, enqueued_at) index.
 */
export async function getJobRunBacklog(db: Database): Promise<JobRunBacklogRow[]> {
  const rows = await db
    .select({
      queue: jobRuns.queue,
      status: jobRuns.status,
      count: sql<number>`count(*)::int`,
      oldestSeconds: sql<number>`extract(epoch from now() - min(case when ${jobRuns.status} = 'running' then coalesce(${jobRuns.startedAt}, ${jobRuns.enqueuedAt}) else ${jobRuns.enqueuedAt} end))::float8`,
    })
    .from(jobRuns)
    .where(inArray(jobRuns.status, ["queued", "running"]))
    .groupBy(jobRuns.queue, jobRuns.status);
  return rows.map((row) => ({
    queue: row.queue,
    status: row.status === "running" ? "running" : "queued",
    count: Number(row.count),
    oldestSeconds: Math.max(0, Number(row.oldestSeconds)),
  }));
}
