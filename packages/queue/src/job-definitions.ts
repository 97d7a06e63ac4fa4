import { z } from "zod";
import { defineJob, type JobDefinition } from "./define-job";
import { sweepStaleUploadsJob } from "./storage-jobs";

/**
 * `system.run-self-test`: proves a worker can reach Redis, Postgres and object storage end to end. The
 * payload is the size of the probe object to round-trip; the job's own id (the `job_runs` row id) is
 * given to the handler separately, so nothing else is needed.
 */
export const runSelfTestJob = defineJob({
  name: "system.run-self-test",
  queue: "system",
  schema: z.strictObject({
    probeBytes: z
      .number()
      .int()
      .min(1)
      .max(64 * 1024)
      .default(1024),
  }),
  // A self-test that fails twice tells the operator what they need to know; retrying longer hides it.
  options: { attempts: 2, backoff: { type: "fixed", delay: 500 } },
});

/**
 * `documents.ingest`: validates an uploaded document by its content, extracts its text in a sandboxed
 * child process and parses the résumé into a profile. Enqueued by `documents.finalize` with the document
 * id as the run id, so finalizing twice never ingests twice. The workspace travels as the run's
 * `workspaceId`; the payload carries only the document id.
 */
export const ingestDocumentJob = defineJob({
  name: "documents.ingest",
  queue: "documents",
  schema: z.strictObject({ documentId: z.uuid() }),
  // Transient failures (storage, database, an LLM outage mid-parse) are retried; content verdicts are not.
  options: { attempts: 3, backoff: { type: "exponential", delay: 2000 } },
});

/**
 * Every job type the system knows, keyed by name. The API enqueues from this registry and the worker
 * derives its queues and its handler map (`satisfies JobHandlerMap`) from it, so adding a job here
 * without a handler fails to compile.
 */
export const jobDefinitions = {
  [runSelfTestJob.name]: runSelfTestJob,
  [ingestDocumentJob.name]: ingestDocumentJob,
  [sweepStaleUploadsJob.name]: sweepStaleUploadsJob,
} as const satisfies Record<string, JobDefinition>;

/** The name of any defined job. */
export type JobName = keyof typeof jobDefinitions;

/** The definition of job `Name`. */
export type JobDefinitionOf<Name extends JobName> = (typeof jobDefinitions)[Name];

/** The payload a producer passes for job `Name` (schema input: defaults may be omitted). */
export type PayloadInputOf<Name extends JobName> = z.input<JobDefinitionOf<Name>["schema"]>;

/** The payload a handler receives for job `Name` (schema output: defaults applied). */
export type PayloadOf<Name extends JobName> = z.output<JobDefinitionOf<Name>["schema"]>;

/** The name of any queue that at least one job runs on. */
export type QueueName = JobDefinitionOf<JobName>["queue"];

/** Every queue name, each once, in definition order — one BullMQ Worker runs per entry. */
export const queueNames: readonly QueueName[] = [
  ...new Set(Object.values(jobDefinitions).map((definition) => definition.queue)),
];

/** True when `name` is a defined job; narrows strings read back from Postgres or Redis. */
export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobDefinitions, name);
}
