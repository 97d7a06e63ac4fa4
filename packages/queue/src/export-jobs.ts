import { markExportFailed } from "@vitae/db";
import { z } from "zod";
import type { ExhaustedRun } from "./define-job";

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
