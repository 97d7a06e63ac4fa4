import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../database";
import { importRows, imports } from "../schema";
import { type InsertAuditEventParams, insertAuditEvent } from "./audit";
import { isUuid } from "./ids";
import type { ImportRef } from "./imports";
import { type InsertJobRunParams, insertJobRun } from "./job-runs-write";

/** Parameters of {@link restartImportAnalysis}. */
export interface RestartImportAnalysisParams extends ImportRef {
  /** The new analyse run (its `id` is the BullMQ job id and becomes the import's current run). */
  run: InsertJobRunParams & { id: string };
  audit: InsertAuditEventParams;
}

/**
 * Analyses a `mapped` or `validated` import again (an XLSX read from another sheet): one transaction
 * moves it to `analysing` with `run` as its current run, forgets what the previous analysis and
 * validation produced (columns, mapping, fixes, ledger and stored rows all describe the other sheet),
 * and inserts the run and the audit event. Returns false — and changes nothing — when the import is
 * missing, another workspace's, or in another state (the caller answers `NOT_FOUND` / `CONFLICT`).
 */
export async function restartImportAnalysis(
  db: Database,
  params: RestartImportAnalysisParams,
): Promise<boolean> {
  if (!isUuid(params.workspaceId) || !isUuid(params.importId)) return false;
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(imports)
      .set({
        status: "analysing",
        currentRunId: params.run.id,
        errorCode: null,
        columns: null,
        mapping: null,
        headerFingerprint: null,
        ledger: null,
        fixes: sql`'[]'::jsonb`,
      })
      .where(
        and(
          eq(imports.id, params.importId),
          eq(imports.workspaceId, params.workspaceId),
          inArray(imports.status, ["mapped", "validated"]),
        ),
      )
      .returning({ id: imports.id });
    if (changed.length === 0) return false;
    await tx.delete(importRows).where(eq(importRows.importId, params.importId));
    await insertJobRun(tx, params.run);
    await insertAuditEvent(tx, params.audit);
    return true;
  });
}
