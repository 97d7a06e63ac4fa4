import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../database";
import { imports } from "../schema";
import { type InsertAuditEventParams, insertAuditEvent } from "./audit";
import { isUuid } from "./ids";
import { type ImportRef, transitionImportByRun } from "./imports";
import { type InsertJobRunParams, insertJobRun } from "./job-runs-write";

/**
 * The validation part of an import's lifecycle: mapped | validated → validating → validated, or back to
 * mapped with an error code. Every transition is a guarded UPDATE on the import's current run, so a
 * redelivered or superseded validate run changes nothing.
 */

/** Parameters of {@link startImportValidation}. */
export interface StartImportValidationParams extends ImportRef {
  /** The validate run (its `id` is the BullMQ job id and becomes the import's current run). */
  run: InsertJobRunParams & { id: string };
  audit: InsertAuditEventParams;
  /** A fix to append to the import's fixes (`imports.fix`): only a `validated` import takes one. */
  fix?: unknown;
  /**
   * The region the operator chose for national values (`@vitae/tabular` `ImportRegion`), stored as the
   * import's `sniff.region` in the same update so the run reads it.
   */
  region?: Record<string, unknown>;
}

/**
 * Moves an import to `validating` with `run` as its current run, inserts the run and the audit event,
 * in one transaction. A plain validation starts from `mapped` or `validated`; a fix only from
 * `validated` (it rewrites stored rows). Returns false — and changes nothing — when the import is
 * missing, another workspace's, or in another state (the caller answers `NOT_FOUND` / `CONFLICT`).
 */
export async function startImportValidation(
  db: Database,
  params: StartImportValidationParams,
): Promise<boolean> {
  if (!isUuid(params.workspaceId) || !isUuid(params.importId)) return false;
  const from = params.fix === undefined ? (["mapped", "validated"] as const) : (["validated"] as const);
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(imports)
      .set({
        status: "validating",
        currentRunId: params.run.id,
        errorCode: null,
        ...(params.fix === undefined
          ? { ledger: null }
          : { fixes: sql`${imports.fixes} || ${JSON.stringify([params.fix])}::jsonb` }),
        ...(params.region === undefined
          ? {}
          : {
              sniff: sql`coalesce(${imports.sniff}, '{}'::jsonb) || jsonb_build_object('region', ${JSON.stringify(params.region)}::jsonb)`,
            }),
      })
      .where(
        and(
          eq(imports.id, params.importId),
          eq(imports.workspaceId, params.workspaceId),
          inArray(imports.status, [...from]),
        ),
      )
      .returning({ id: imports.id });
    if (changed.length === 0) return false;
    await insertJobRun(tx, params.run);
    await insertAuditEvent(tx, params.audit);
    return true;
  });
}

/** The validate run `runId` stores its ledger: `validating` → `validated`. False when not current. */
export async function markImportValidated(
  db: Database,
  params: ImportRef & { runId: string; ledger: Record<string, unknown> },
): Promise<boolean> {
  return transitionImportByRun(db, params, "validating", {
    status: "validated",
    ledger: params.ledger,
    errorCode: null,
  });
}

/**
 * The validate run `runId` ends without a result (row cap, ledger imbalance, the file gone, out of
 * attempts): back to `mapped` with `errorCode` and no ledger, so the operator can fix the cause and
 * validate again. False when the run is not current or the import is not `validating`.
 */
export async function markImportValidationFailed(
  db: Database,
  params: ImportRef & { runId: string; errorCode: string },
): Promise<boolean> {
  if (!isUuid(params.workspaceId) || !isUuid(params.importId) || !isUuid(params.runId)) return false;
  return transitionImportByRun(db, params, "validating", {
    status: "mapped",
    errorCode: params.errorCode,
    ledger: null,
  });
}
