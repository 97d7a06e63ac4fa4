import { type Database, getJobRunBacklog } from "@vitae/db";
import type { QueueClient } from "@vitae/queue";
import type { JobRunBacklogSample, Metrics, QueueDepthSample } from "@vitae/telemetry";

/** How one delivery ended: the `outcome` label of `jobs_total`. */
export type JobOutcome = "completed" | "failed" | "retried" | "skipped";

/** The parts of `@vitae/telemetry`'s `Metrics` the worker records into. */
export type WorkerMetrics = Pick<
  Metrics,
  "jobsTotal" | "jobDuration" | "setQueueDepthCollector" | "setJobRunBacklogCollector"
>;

/** The recorder the processor calls once per delivery. */
export interface JobMetrics {
  /**
   * Counts the delivery in `jobs_total{queue, name, outcome}` and, when the handler ran (anything but
   * `skipped`), its duration in `job_duration_seconds{queue, name}`.
   */
  record(labels: { queue: string; name: string }, outcome: JobOutcome, durationSeconds: number): void;
}

/** Adapts telemetry instruments to the recorder the processor uses. */
export function createJobMetrics(metrics: WorkerMetrics): JobMetrics {
  return {
    record(labels, outcome, durationSeconds) {
      metrics.jobsTotal.inc({ ...labels, outcome });
      if (outcome !== "skipped") metrics.jobDuration.observe(labels, durationSeconds);
    },
  };
}

/**
 * A scrape-time reader of `queue_depth` backed by `queueClient.queueDepths()`; telemetry bounds it with
 * its collect timeout and reports failures as `metrics_collect_errors_total`.
 */
export function queueDepthCollector(queueClient: QueueClient): () => Promise<QueueDepthSample[]> {
  return async () => {
    const depths = await queueClient.queueDepths();
    return Object.entries(depths).flatMap(([queue, depth]) =>
      Object.entries(depth).map(([state, count]) => ({ queue, state, count })),
    );
  };
}

/**
 * A scrape-time reader of `job_runs_unfinished` / `job_runs_oldest_seconds` from Postgres, where a run
 * stuck in `running` (its worker gone, its lock lost) stays visible even when BullMQ has lost the job.
 */
export function jobRunBacklogCollector(db: Database): () => Promise<JobRunBacklogSample[]> {
  return () => getJobRunBacklog(db);
}
