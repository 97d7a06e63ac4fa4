import { markExportFailed } from "@vitae/db";
import { z } from "zod";
import { defineJob, type ExhaustedRun } from "./define-job";

/**
 * The payload of every job that produces an export (a profile's résumé, an import's rows): the export
 * row carries everything else, and its id is also the run's id.
 */
export const exportRunPayloadSchema = z.strictObject({ exportId: z.uuid() });

/**
 * The `onExhausted` hook of every export job: a run that fails for good fails its export in the same
 * transaction (an infrastructure code is stored as `EXPORT_FAILED`), so no export waits in `queued` or
 * `running` for a run that will never finish. A no-op once the export has finished.
 */
export async function failExportOnExhausted({
  db,
  run,
  payload,
  errorCode,
}: ExhaustedRun<z.output<typeof exportRunPayloadSchema>>): Promise<void> {
  if (run.workspaceId === null) return;
  await markExportFailed(db, { workspaceId: run.workspaceId, exportId: payload.exportId, errorCode });
}

/**
 * `exports.render-profile`: renders a profile as a résumé (HTML, PDF or DOCX, in the export's template)
 * and stores it under the workspace. Enqueued by `exports.create` with the export's id as the run id. A
 * verdict (the profile is gone, the renderer refuses the data) fails the export and completes the run;
 * storage and database hiccups are retried, and a run that fails for good fails its export.
 */
export const renderProfileExportJob = defineJob({
  name: "exports.render-profile",
  queue: "exports",
  schema: exportRunPayloadSchema,
  options: { attempts: 3, backoff: { type: "exponential", delay: 1000 } },
  onExhausted: failExportOnExhausted,
});

/**
 * `exports.sweep-expired`: deletes the files of exports (of every source) whose `expiresAt` has passed
 * and marks them `expired`, giving their bytes back to the workspace's stored-bytes quota. Every 5
 * minutes on a BullMQ job scheduler the workers register; each pass handles at most `limit`, soonest
 * first, and the next takes the rest. Idempotent: object first (deleting a missing object succeeds),
 * then the guarded transition.
 */
export const sweepExpiredExportsJob = defineJob({
  name: "exports.sweep-expired",
  queue: "maintenance",
  schema: z.strictObject({ limit: z.number().int().min(1).max(5000).default(500) }),
  // A failed pass is simply the next tick's work.
  options: { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 50 } },
  schedule: { everyMs: 5 * 60_000 },
});
