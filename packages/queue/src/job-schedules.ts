import type { z } from "zod";
import type { RegisteredJob } from "./queue-client";
import { sweepStaleUploadsJob } from "./storage-jobs";

/**
 * Periodic work: every `everyMs`, the worker runs `job` with `payload` as an ordinary run (a `job_runs`
 * row first, then BullMQ). The tick comes from a BullMQ job scheduler with this `id`, registered by
 * every worker process (upserting the same id is idempotent), so exactly one run is made per tick
 * however many workers or API replicas there are.
 */
export interface JobSchedule {
  readonly id: string;
  readonly job: RegisteredJob;
  readonly everyMs: number;
  readonly payload: unknown;
}

/** A schedule whose payload is checked against its job's schema at compile time. */
function defineSchedule<Job extends RegisteredJob>(schedule: {
  job: Job;
  everyMs: number;
  payload: z.input<Job["schema"]>;
}): JobSchedule {
  return { id: schedule.job.name, ...schedule };
}

/** The BullMQ queue that carries schedule ticks (never job runs; see `startJobSchedules` in `@vitae/jobs`). */
export const scheduleQueueName = "schedules";

/** Every periodic job. */
export const jobSchedules: readonly JobSchedule[] = [
  defineSchedule({ job: sweepStaleUploadsJob, everyMs: 10 * 60_000, payload: {} }),
];
