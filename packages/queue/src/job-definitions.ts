import { markDocumentFailed, markImportFailed } from "@vitae/db";
import { z } from "zod";
import { defineJob, type JobDefinition } from "./define-job";
import { sweepStaleUploadsJob } from "./storage-jobs";
import { flushRequestsJob } from "./usage-jobs";

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
 * child process and parses the résumé into a profile. Enqueued with the document's `currentRunId` as the
 * run id: by `documents.finalize` (the first run's id is the document id, so finalizing twice never
 * ingests twice) and by `documents.reingest` (a new id per re-ingest). The workspace travels as the
 * run's `workspaceId`; the payload carries only the document id. A run that fails for good fails its
 * document with the run's code, so no document waits in `processing` for a run that will never finish.
 */
export const ingestDocumentJob = defineJob({
  name: "documents.ingest",
  queue: "documents",
  schema: z.strictObject({ documentId: z.uuid() }),
  // Transient failures (storage, database, an LLM outage mid-parse) are retried; content verdicts are not.
  options: { attempts: 3, backoff: { type: "exponential", delay: 2000 } },
  async onExhausted({ db, run, payload, errorCode, errorMessage }) {
    if (run.workspaceId === null) return;
    await markDocumentFailed(db, {
      workspaceId: run.workspaceId,
      documentId: payload.documentId,
      runId: run.id,
      errorCode,
      errorMessage,
    });
  },
});

/**
 * `ask.sweep-voice`: deletes spoken answers and never-asked voice questions older than their retention,
 * every 10 minutes, as a BullMQ job scheduler run by the workers (not a timer in every API replica).
 */
export const sweepVoiceJob = defineJob({
  name: "ask.sweep-voice",
  queue: "maintenance",
  schema: z.strictObject({}),
  // A failed sweep is simply the next tick's work.
  options: { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 50 } },
  schedule: { everyMs: 600_000 },
});

/**
 * `imports.analyse`: sniffs an uploaded spreadsheet, profiles its columns and maps them onto the import's
 * entity (from the workspace's mapping memory when the header set was seen before). Enqueued by
 * `imports.finalize` with the import's `currentRunId` as the run id (the first is the import id, so
 * finalizing twice analyses once). A run that fails for good fails its import with the run's code.
 */
export const analyseImportJob = defineJob({
  name: "imports.analyse",
  queue: "imports",
  schema: z.strictObject({ importId: z.uuid() }),
  // Storage and database hiccups are retried; a verdict about the file is stored, not retried.
  options: { attempts: 3, backoff: { type: "exponential", delay: 2000 } },
  async onExhausted({ db, run, payload, errorCode }) {
    if (run.workspaceId === null) return;
    await markImportFailed(db, {
      workspaceId: run.workspaceId,
      importId: payload.importId,
      runId: run.id,
      errorCode,
    });
  },
});

/**
 * Every job type the system knows, keyed by name. The API enqueues from this registry and the worker
 * derives its queues and its handler map (`satisfies JobHandlerMap`) from it, so adding a job here
 * without a handler fails to compile.
 */
export const jobDefinitions = {
  [runSelfTestJob.name]: runSelfTestJob,
  [ingestDocumentJob.name]: ingestDocumentJob,
  [sweepVoiceJob.name]: sweepVoiceJob,
  [sweepStaleUploadsJob.name]: sweepStaleUploadsJob,
  [analyseImportJob.name]: analyseImportJob,
  [flushRequestsJob.name]: flushRequestsJob,
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
