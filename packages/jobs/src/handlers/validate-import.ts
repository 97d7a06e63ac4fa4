import { importRowLimits } from "@vitae/contracts";
import {
  countImportRows,
  deleteImportRows,
  getImport,
  getWorkspacePlan,
  type ImportRecord,
  type ImportRowRecord,
  importRowBatchSize,
  markImportValidated,
  markImportValidationFailed,
  upsertImportRows,
} from "@vitae/db";
import { AppError, isAppError } from "@vitae/errors";
import { isTabularError, LedgerCounter, validateSource } from "@vitae/tabular";
import { UnrecoverableError } from "bullmq";
import type { JobContext, JobHandler, JsonValue } from "../handler-types";
import { applyLastFix } from "./fix-import-rows";
import {
  assertStoredBalance,
  type ImportPlan,
  importPlanOf,
  storedRowOf,
  validationLedgerOf,
} from "./import-plan";
import { openImportSource } from "./import-source";

/** Rows between two progress reports. */
const progressEvery = 10_000;

/** The code an import gets when its file has more rows than the workspace's plan allows. */
export const rowLimitExceededCode = "ROW_LIMIT_EXCEEDED";

type Context = JobContext<"imports.validate">;

/** The file → rows pass: every row through the mapping, validation and fixes into `import_rows`. */
async function validateFile(
  context: Context,
  record: ImportRecord,
  imported: ImportPlan,
): Promise<JsonValue> {
  const { db, storage } = context;
  const workspaceId = record.workspaceId;
  const rowLimit = importRowLimits[(await getWorkspacePlan(db, { workspaceId })) ?? "free"];
  // The profile counted up to 10,000 rows: exact for smaller files, a floor for progress otherwise.
  const source = await openImportSource(storage, record, { sheet: imported.sheet });
  const sameHeaders =
    source.headers.length === imported.plan.headers.length &&
    source.headers.every((header, index) => header === imported.plan.headers[index]);
  if (!sameHeaders) throw new AppError("CONFLICT", { message: "The file no longer matches its analysis." });
  // A retried attempt starts from nothing: rows of an earlier attempt would be counted twice.
  await deleteImportRows(db, { importId: record.id });
  const { rows, stats } = validateSource(source, imported.plan);
  const counter = new LedgerCounter();
  let batch: ImportRowRecord[] = [];
  for await (const row of rows) {
    if (stats.read > rowLimit) {
      await deleteImportRows(db, { importId: record.id });
      return { limited: true, rowLimit };
    }
    counter.count(row, row.status === "valid");
    batch.push(storedRowOf(row));
    if (batch.length >= importRowBatchSize) {
      await upsertImportRows(db, { importId: record.id, rows: batch });
      batch = [];
    }
    if (stats.read % progressEvery === 0) {
      await context.reportProgress(50, `${stats.read.toLocaleString("en")} rows checked`);
    }
  }
  await upsertImportRows(db, { importId: record.id, rows: batch });
  const ledger = validationLedgerOf(counter.close(stats.read), stats.referencesChecked);
  assertStoredBalance(ledger, await countImportRows(db, { importId: record.id }));
  await context.reportProgress(95, "Saving the result");
  const stored = await markImportValidated(db, {
    workspaceId,
    importId: record.id,
    runId: context.jobRunId,
    ledger: { ...ledger },
  });
  return { importId: record.id, status: stored ? "validated" : "skipped", ledger: { ...ledger } };
}

/**
 * `imports.validate`: in `file` mode streams the upload through the import's mapping, the entity's
 * validation and the operator's fixes into `import_rows` (batches of 1,000), then balances the ledger
 * twice — the validator's count against the rows read, and the stored rows against the ledger — and
 * stores it (`validated`). In `fix` mode it applies the import's newest fix to the stored rows
 * (`applyLastFix`). A file with more rows than the plan allows returns the import to `mapped` with
 * `ROW_LIMIT_EXCEEDED`; a file verdict with its `TabularError` code; an unbalanced ledger with
 * `LEDGER_MISMATCH` **and fails the run**. Idempotent: only the current run, while `validating`, writes.
 */
export const validateImport: JobHandler<"imports.validate"> = async (context) => {
  const { db, payload } = context;
  const workspaceId = context.workspaceId;
  if (workspaceId === null)
    throw new AppError("JOB_PAYLOAD_INVALID", { message: "A validate run needs a workspace." });
  const ref = { workspaceId, importId: payload.importId };
  const record = await getImport(db, ref);
  if (!record) throw new AppError("NOT_FOUND", { message: "The import no longer exists." });
  if (record.currentRunId !== context.jobRunId || record.status !== "validating") {
    return { importId: record.id, status: record.status, skipped: true };
  }
  const fail = async (errorCode: string): Promise<JsonValue> => {
    await markImportValidationFailed(db, { ...ref, runId: context.jobRunId, errorCode });
    context.logger.info({ importId: record.id, errorCode }, "import validation stopped");
    return { importId: record.id, status: "mapped", errorCode };
  };
  await context.reportProgress(5, payload.mode === "fix" ? "Applying the fix" : "Reading the file");
  try {
    const imported = importPlanOf(record);
    const result =
      payload.mode === "fix"
        ? await applyLastFix(context, record, imported)
        : await validateFile(context, record, imported);
    if (typeof result === "object" && result !== null && "limited" in result)
      return fail(rowLimitExceededCode);
    return result;
  } catch (error) {
    if (isTabularError(error) && error.code === "LEDGER_MISMATCH") {
      // The import says why; the run fails too, so an unbalanced ledger is never a quiet success.
      await fail(error.code);
      context.logger.error({ importId: record.id, err: error.cause }, "import ledger does not balance");
      throw new UnrecoverableError("The row ledger did not balance.");
    }
    if (isTabularError(error)) return fail(error.code);
    if (isAppError(error) && error.code === "NOT_FOUND") return fail("STORAGE_MISSING");
    if (isAppError(error) && error.code === "CONFLICT") return fail("MAPPING_INVALID");
    throw error;
  }
};
