import type { Database, JobRun } from "@vitae/db";
import type { Logger } from "@vitae/logger";
import type { JobsOptions } from "bullmq";
import type { z } from "zod";

/**
 * The BullMQ options a job definition may set. Only delivery policy belongs here; `jobId` is always the
 * `job_runs` row id and is set by the queue client, never by a definition.
 */
export type JobDeliveryOptions = Pick<
  JobsOptions,
  "attempts" | "backoff" | "removeOnComplete" | "removeOnFail" | "priority"
>;

/**
 * A job's name: `domain.verb-noun` (e.g. `system.run-self-test`), or `domain.verb` where the domain is
 * the noun (e.g. `documents.ingest`, named so by its issue).
 */
export type JobNamePattern = `${string}.${string}`;

/** What a job's `onExhausted` hook receives: the run that just failed for good, and why. */
export interface ExhaustedRun<Payload = unknown> {
  /** The transaction that marks the run `failed`: the hook's writes commit with it, or neither does. */
  db: Database;
  run: JobRun;
  /** The run's payload, validated against the job's schema. */
  payload: Payload;
  /** Client-safe code and message of the final failure (as stored on the run). */
  errorCode: string;
  errorMessage: string;
  logger: Logger;
}

/**
 * Periodic work: BullMQ runs the job every `everyMs` through a job scheduler the workers upsert at
 * start (one schedule per Redis prefix, however many workers). A tick has no `job_runs` row — it is not
 * anyone's submitted work, and a lost tick is made up by the next one — so the handler must be
 * idempotent and cheap to repeat.
 */
export interface JobSchedule {
  everyMs: number;
}

/**
 * One job type: its name, the queue (a short noun) whose workers run it, the zod schema of its payload
 * and its delivery options. Payloads carry ids and small scalars only — never document content — because
 * they are copied into Redis and Postgres, and handlers load what they need by id.
 */
export interface JobDefinition<
  Name extends string = string,
  Queue extends string = string,
  Schema extends z.ZodType = z.ZodType,
> {
  readonly name: Name;
  readonly queue: Queue;
  readonly schema: Schema;
  readonly options: Readonly<JobDeliveryOptions>;
  /**
   * Called once when a run fails for good — attempts used up, a permanent error, or BullMQ failing a
   * job whose worker died too often — whether the processor or the reconciler notices. It runs in the
   * transaction that marks the run `failed`, so the run and whatever it was working for (a document)
   * leave their in-between states together. Must only write through `db`.
   */
  readonly onExhausted?: ((context: ExhaustedRun<z.output<Schema>>) => Promise<void>) | undefined;
  /** Set for periodic jobs (see {@link JobSchedule}). */
  readonly schedule?: JobSchedule | undefined;
}

/**
 * Defaults every job gets unless its definition overrides them. Postgres holds the durable record, so
 * Redis only keeps finished jobs long enough to debug recent runs.
 */
export const defaultJobOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
} as const satisfies JobDeliveryOptions;

const jobNamePattern = /^[a-z][a-z0-9]*\.[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const queueNamePattern = /^[a-z][a-z0-9-]*$/;

/**
 * Declares a job type once, for both the producer (API) and the consumer (worker).
 *
 * Guarantees: the name follows `domain.verb-noun` (or `domain.verb`) and the queue is a short noun usable as a BullMQ queue
 * name (no `:`), checked when the module defining the job loads — a typo fails at startup, not at first
 * enqueue; options are the {@link defaultJobOptions} overlaid with the given ones.
 */
export function defineJob<
  const Name extends JobNamePattern,
  const Queue extends string,
  Schema extends z.ZodType,
>(definition: {
  name: Name;
  queue: Queue;
  schema: Schema;
  options?: JobDeliveryOptions;
  onExhausted?: (context: ExhaustedRun<z.output<Schema>>) => Promise<void>;
  schedule?: JobSchedule;
}): JobDefinition<Name, Queue, Schema> {
  if (!jobNamePattern.test(definition.name)) {
    throw new Error(`Job name "${definition.name}" must look like domain.verb-noun or domain.verb`);
  }
  if (!queueNamePattern.test(definition.queue)) {
    throw new Error(`Queue name "${definition.queue}" must be a short lowercase noun`);
  }
  if (definition.schedule !== undefined && !(definition.schedule.everyMs >= 1000)) {
    throw new Error(`Job "${definition.name}" must not be scheduled more often than every second`);
  }
  return {
    name: definition.name,
    queue: definition.queue,
    schema: definition.schema,
    options: Object.freeze({ ...defaultJobOptions, ...definition.options }),
    onExhausted: definition.onExhausted,
    schedule: definition.schedule,
  };
}
