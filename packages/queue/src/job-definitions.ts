import {
  failTailoring,
  finishMatchRanking,
  markDocumentFailed,
  markImportFailed,
  markImportValidationFailed,
} from "@vitae/db";
import { z } from "zod";
import { defineJob, type JobDefinition } from "./define-job";
import {
  exportRunPayloadSchema,
  failExportOnExhausted,
  renderProfileExportJob,
  sweepExpiredExportsJob,
} from "./export-jobs";
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
 * finalizing twice analyses once), and by `imports.chooseSheet` with the workbook sheet the operator
 * chose (absent: the first visible sheet). A run that fails for good fails its import with the run's code.
 */
export const analyseImportJob = defineJob({
  name: "imports.analyse",
  queue: "imports",
  schema: z.strictObject({ importId: z.uuid(), sheet: z.string().min(1).max(200).optional() }),
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
 * `imports.validate`: streams a mapped import's file through its mapping, the entity's validation and
 * the operator's fixes into `import_rows`, and stores the row ledger (`mode: "file"`, enqueued by
 * `imports.validate`); or re-checks the stored rows a new fix changes (`mode: "fix"`, by `imports.fix`).
 * The run id becomes the import's `currentRunId`. A run that fails for good returns the import to
 * `mapped` with the run's code.
 */
export const validateImportJob = defineJob({
  name: "imports.validate",
  queue: "imports",
  schema: z.strictObject({ importId: z.uuid(), mode: z.enum(["file", "fix"]).default("file") }),
  options: { attempts: 3, backoff: { type: "exponential", delay: 2000 } },
  async onExhausted({ db, run, payload, errorCode }) {
    if (run.workspaceId === null) return;
    await markImportValidationFailed(db, {
      workspaceId: run.workspaceId,
      importId: payload.importId,
      runId: run.id,
      errorCode,
    });
  },
});

/**
 * `imports.write-export`: writes a validated import's stored rows as CSV, JSON, NDJSON or XML (and its
 * rejected rows as CSV with error columns) into the export's object, with a SHA-256 and a balanced row
 * ledger. Enqueued by `imports.export` with the export's id as the run id; a run that fails for good
 * fails its export (`failExportOnExhausted`).
 */
export const writeImportExportJob = defineJob({
  name: "imports.write-export",
  queue: "imports",
  schema: exportRunPayloadSchema,
  options: { attempts: 3, backoff: { type: "exponential", delay: 2000 } },
  onExhausted: failExportOnExhausted,
});

/**
 * `matches.rank-profiles`: scores every profile of the workspace (or the ranking's chosen ones) against
 * a posting and stores each score with its top reasons. Enqueued by `matches.rank` with the ranking id
 * as the run id. A run that fails for good fails its ranking with the run's code.
 */
export const rankProfilesJob = defineJob({
  name: "matches.rank-profiles",
  queue: "matching",
  schema: z.strictObject({ rankingId: z.uuid() }),
  // A retry starts the ranking over (its partial results are cleared), so a few attempts are cheap.
  options: { attempts: 3, backoff: { type: "exponential", delay: 1000 } },
  async onExhausted({ db, run, payload, errorCode }) {
    if (run.workspaceId === null) return;
    await finishMatchRanking(db, {
      workspaceId: run.workspaceId,
      rankingId: payload.rankingId,
      status: "failed",
      errorCode,
    });
  },
});

/**
 * `tailoring.propose-changes`: proposes changes that fit a profile to a posting (deterministic: reorder
 * and shorten), has the blocking verifier judge each, and stores the accepted ones with their score
 * deltas and the rejected ones with their reasons. Enqueued by `tailoring.propose` with the tailoring id
 * as the run id. A run that fails for good fails its tailoring with the run's code.
 */
export const proposeTailoringJob = defineJob({
  name: "tailoring.propose-changes",
  queue: "matching",
  schema: z.strictObject({ tailoringId: z.uuid() }),
  options: { attempts: 3, backoff: { type: "exponential", delay: 1000 } },
  async onExhausted({ db, run, payload, errorCode }) {
    if (run.workspaceId === null) return;
    await failTailoring(db, { workspaceId: run.workspaceId, tailoringId: payload.tailoringId, errorCode });
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
  [renderProfileExportJob.name]: renderProfileExportJob,
  [sweepExpiredExportsJob.name]: sweepExpiredExportsJob,
  [validateImportJob.name]: validateImportJob,
  [writeImportExportJob.name]: writeImportExportJob,
  [rankProfilesJob.name]: rankProfilesJob,
  [proposeTailoringJob.name]: proposeTailoringJob,
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
