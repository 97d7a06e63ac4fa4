import type { WriteStream } from "node:fs";
import { open, rm } from "node:fs/promises";
import { join } from "node:path";
import { exportContentTypes } from "@vitae/contracts";
import {
  type ExportRecord,
  exportObjectKeys,
  getExport,
  getImport,
  markExportFailed,
  markExportReady,
  markExportRunning,
  rejectedRowsKey,
  streamImportRows,
} from "@vitae/db";
import { AppError, isAppError } from "@vitae/errors";
import type { ObjectStore } from "@vitae/storage";
import {
  type ExportFormat,
  exportRows,
  isTabularError,
  type RowError,
  type RowLedger,
  type ValidatedRow,
} from "@vitae/tabular";
import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import type { JobContext, JobHandler, JsonValue } from "../handler-types";
import { createExportScratch } from "./export-scratch";
import { importPlanOf } from "./import-plan";

const importLedger = z.object({ read: z.number().int() });

/** What an import export stores as its ledger: the file's row ledger and the rejected rows' file. */
export interface ImportExportLedger extends RowLedger {
  rejectedFile: { sha256: string; bytes: number; rows: number };
}

async function upload(storage: ObjectStore, key: string, path: string, bytes: number, contentType: string) {
  const handle = await open(path, "r");
  const body = handle.createReadStream();
  try {
    await storage.put(key, body, { contentType, contentLength: bytes });
  } finally {
    // A store that fails before reading (storage unreachable, its disk full) neither reads nor destroys
    // the body: the file stayed open after its directory was removed.
    body.destroy();
    await handle.close().catch(() => undefined);
  }
}

/** A temporary file opened for writing, the stream that writes it, and how to let go of both. */
interface TempFile {
  path: string;
  sink: WriteStream;
  /** Ends the stream and closes the file, whether or not anything was written; idempotent. */
  release(): Promise<void>;
}

async function openTempFile(path: string): Promise<TempFile> {
  // Opened here rather than by the stream (as @vitae/storage's disk store does): a stream opens its file
  // asynchronously, so a failure at the first row could reach the cleanup before the file existed.
  const handle = await open(path, "wx", 0o600);
  const sink = handle.createWriteStream();
  return {
    path,
    sink,
    async release() {
      // exportRows ends its sinks only when it succeeds; a failure left them, and their files, open.
      sink.destroy();
      await handle.close().catch(() => undefined);
    },
  };
}

async function* validatedRowsOf(context: JobContext<"imports.write-export">, importId: string) {
  for await (const row of streamImportRows(context.db, { importId })) {
    const validated: ValidatedRow = {
      line: row.line,
      status: row.status,
      record: row.record as ValidatedRow["record"],
      errors: row.errors as RowError[],
      cells: row.cells,
    };
    yield validated;
  }
}

/** Streams the import's stored rows into two temporary files, then stores both; returns the ledger. */
async function writeFiles(
  context: JobContext<"imports.write-export">,
  record: ExportRecord,
  importId: string,
): Promise<{ size: number; sha256: string; ledger: ImportExportLedger } | { verdict: "SOURCE_MISSING" }> {
  const { db, storage } = context;
  const imported = await getImport(db, { workspaceId: record.workspaceId, importId });
  const read = importLedger.safeParse(imported?.ledger);
  // Not validated (any more): its rows are being rewritten or were never written — nothing to snapshot.
  if (imported === undefined || imported.status !== "validated" || !read.success)
    return { verdict: "SOURCE_MISSING" };
  const { plan } = importPlanOf(imported);
  const format = record.format as ExportFormat;
  const directory = await createExportScratch();
  const files: TempFile[] = [];
  try {
    const main = await openTempFile(join(directory, `export.${format}`));
    files.push(main);
    const rejectedFile = await openTempFile(join(directory, "rejected.csv"));
    files.push(rejectedFile);
    await context.reportProgress(10, "Writing the rows");
    const result = await exportRows(validatedRowsOf(context, importId), () => read.data.read, {
      entity: plan.entity,
      fields: plan.mapping.flatMap((entry) => (entry.field === null ? [] : [entry.field])),
      format,
      invalidRows: record.invalidRows === "include" ? "include" : "exclude",
      bom: format === "csv",
      sink: main.sink,
      rejected: { sink: rejectedFile.sink, headers: plan.headers },
    });
    // A validation or fix that started meanwhile rewrote rows under the stream: the file may mix them.
    const after = await getImport(db, { workspaceId: record.workspaceId, importId });
    if (after?.status !== "validated" || after.currentRunId !== imported.currentRunId) {
      return { verdict: "SOURCE_MISSING" };
    }
    await context.reportProgress(80, "Storing the file");
    await upload(storage, record.objectKey, main.path, result.bytes, record.contentType);
    const rejected = result.rejected ?? { sha256: "", bytes: 0, rows: 0 };
    await upload(
      storage,
      rejectedRowsKey(record.objectKey),
      rejectedFile.path,
      rejected.bytes,
      exportContentTypes.csv,
    );
    return {
      size: result.bytes,
      sha256: result.sha256,
      ledger: { ...result.ledger, rejectedFile: rejected },
    };
  } finally {
    // Every file is closed before its directory goes, so nothing holds a deleted file's space.
    for (const file of files) await file.release();
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * `imports.write-export`: the export's import must still be `validated`; its stored rows (fixes applied)
 * stream through `@vitae/tabular`'s writers into a temporary file per output — the chosen format, and the
 * rejected rows as CSV with error columns — so memory stays bounded, and both are stored under the
 * export's prefix. The ledger must balance against the rows the validation read (`LEDGER_MISMATCH` fails
 * the export **and** the run); then `ready` with the file's size, SHA-256 and the ledger (with the
 * rejected file's hash, size and rows). The import gone or no longer validated, before or while its rows
 * stream (a validation or fix started meanwhile) → `SOURCE_MISSING`; the
 * stored-bytes quota full → the objects are deleted and `QUOTA_EXCEEDED`. Whatever the outcome, the
 * temporary files are closed before their directory is removed (a worker killed mid-run leaves it).
 */
export const writeImportExport: JobHandler<"imports.write-export"> = async (context) => {
  const { db, storage, payload } = context;
  const workspaceId = context.workspaceId;
  if (workspaceId === null)
    throw new AppError("JOB_PAYLOAD_INVALID", { message: "An export needs a workspace." });
  const ref = { workspaceId, exportId: payload.exportId };
  const record = await getExport(db, ref);
  if (record === undefined) throw new AppError("NOT_FOUND", { message: "The export no longer exists." });
  if (record.importId === null)
    throw new AppError("JOB_PAYLOAD_INVALID", { message: "Not an import export." });
  if (!(await markExportRunning(db, ref))) return { exportId: record.id, skipped: true };
  const fail = async (errorCode: string): Promise<JsonValue> => {
    await markExportFailed(db, { ...ref, errorCode });
    return { exportId: record.id, status: "failed", errorCode };
  };
  let written: Awaited<ReturnType<typeof writeFiles>>;
  try {
    written = await writeFiles(context, record, record.importId);
  } catch (error) {
    if (isTabularError(error) && error.code === "LEDGER_MISMATCH") {
      await fail(error.code);
      context.logger.error({ exportId: record.id, err: error.cause }, "export ledger does not balance");
      throw new UnrecoverableError("The row ledger did not balance.");
    }
    if (isTabularError(error)) return fail("SOURCE_MISSING");
    throw error;
  }
  if ("verdict" in written) return fail(written.verdict);
  try {
    await markExportReady(db, {
      ...ref,
      size: written.size,
      sha256: written.sha256,
      ledger: { ...written.ledger },
    });
  } catch (error) {
    if (!isAppError(error) || error.code !== "QUOTA_EXCEEDED") throw error;
    for (const key of exportObjectKeys(record.objectKey)) await storage.delete(key);
    return fail("QUOTA_EXCEEDED");
  }
  return { exportId: record.id, status: "ready", sha256: written.sha256, ledger: { ...written.ledger } };
};
