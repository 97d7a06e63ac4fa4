import { createHash } from "node:crypto";
import type { Logger } from "@vitae/logger";
import {
  bullPrefixFor,
  type JobSchedule,
  jobSchedules,
  type QueueClient,
  scheduleQueueName,
} from "@vitae/queue";
import type { createRedis } from "@vitae/redis";
import { Queue, UnrecoverableError, Worker } from "bullmq";

type Redis = ReturnType<typeof createRedis>;

/** Options for {@link startJobSchedules}. */
export interface StartJobSchedulesOptions {
  /** A worker-role connection (`maxRetriesPerRequest: null`), for the tick worker. */
  workerConnection: Redis;
  /** A producer-role connection, for registering the schedulers. */
  producerConnection: Redis;
  /** `REDIS_KEY_PREFIX`. */
  prefix: string;
  /** Makes each tick's run (row first, then BullMQ). */
  queueClient: QueueClient;
  logger: Logger;
  /** Default: `jobSchedules` from `@vitae/queue`. */
  schedules?: readonly JobSchedule[];
}

/** Running schedules. */
export interface RunningJobSchedules {
  /** Stops taking ticks (an in-flight tick finishes); the schedulers stay registered in Redis. */
  close(): Promise<void>;
}

/**
 * A run id derived from the tick: a redelivered tick makes the same id, and `enqueue` with an existing
 * id keeps the existing run, so one tick never runs its job twice.
 */
export function runIdForTick(scheduleId: string, tickJobId: string): string {
  const hex = createHash("sha256").update(`${scheduleId}\0${tickJobId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Registers a BullMQ job scheduler per schedule on the `schedules` queue (idempotent upsert by id, so
 * every worker process may do it) and runs a worker that turns each tick into an ordinary run of the
 * schedule's job through `queueClient.enqueue` — so periodic work gets a `job_runs` row, retries and
 * the reconciler like any other job, and runs once per tick however many processes are up.
 */
export async function startJobSchedules(options: StartJobSchedulesOptions): Promise<RunningJobSchedules> {
  const { logger, queueClient } = options;
  const schedules = options.schedules ?? jobSchedules;
  const byId = new Map(schedules.map((schedule) => [schedule.id, schedule]));
  const bullPrefix = bullPrefixFor(options.prefix);
  const queue = new Queue(scheduleQueueName, { connection: options.producerConnection, prefix: bullPrefix });
  queue.on("error", (error) => logger.debug({ err: error }, "schedule queue connection error"));
  for (const schedule of schedules) {
    await queue.upsertJobScheduler(
      schedule.id,
      { every: schedule.everyMs },
      { name: schedule.id, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }
  const worker = new Worker(
    scheduleQueueName,
    async (tick) => {
      const schedule = byId.get(tick.name);
      if (schedule === undefined || tick.id === undefined) {
        throw new UnrecoverableError(`No schedule ${tick.name} in this build`);
      }
      const { jobRunId } = await queueClient.enqueue(schedule.job, schedule.payload as never, {
        jobRunId: runIdForTick(schedule.id, tick.id),
      });
      return { jobRunId };
    },
    { connection: options.workerConnection, prefix: bullPrefix, concurrency: 1 },
  );
  worker.on("error", (error) =>
    logger.warn({ err: error, queue: scheduleQueueName }, "schedule worker error"),
  );
  await worker.waitUntilReady();
  logger.info({ schedules: schedules.map((schedule) => schedule.id) }, "job schedules registered");
  return {
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}
