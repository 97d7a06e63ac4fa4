import {
  getImport,
  getRememberedMapping,
  listLearnedAliases,
  markImportFailed,
  markImportMapped,
} from "@vitae/db";
import { AppError, isAppError } from "@vitae/errors";
import {
  createProfiler,
  fingerprintHeaders,
  getEntity,
  importRegionSchema,
  isTabularError,
  mapColumns,
  RegionVoter,
} from "@vitae/tabular";
import type { JobHandler, JsonValue } from "../handler-types";
import { openImportSource } from "./import-source";

/** Rows read to profile the columns: enough for type guesses and date orders, bounded for huge files. */
export const analyseProfileRows = 10_000;

/**
 * `imports.analyse`: storage (streamed; an XLSX from the sheet the payload names) → sniff → profile the
 * first rows (and infer the region national phone numbers are read in, see `RegionVoter`) → auto-map, from the workspace's
 * memory when the header fingerprint was confirmed before, with its learned aliases otherwise → stored,
 * `mapped`. A verdict about the file (`TabularError`: empty, zip bomb, no header…) fails the import with
 * its code and completes the run; infrastructure failures throw and are retried. Idempotent: only the
 * import's current run, while it is `analysing`, changes anything.
 */
export const analyseImport: JobHandler<"imports.analyse"> = async (context) => {
  const { db, storage, payload, reportProgress } = context;
  const workspaceId = context.workspaceId;
  if (workspaceId === null)
    throw new AppError("JOB_PAYLOAD_INVALID", { message: "An analyse run needs a workspace." });
  const ref = { workspaceId, importId: payload.importId };
  const record = await getImport(db, ref);
  if (!record) throw new AppError("NOT_FOUND", { message: "The import no longer exists." });
  if (record.currentRunId !== context.jobRunId || record.status !== "analysing") {
    return { importId: record.id, status: record.status, skipped: true };
  }
  const fail = async (errorCode: string): Promise<JsonValue> => {
    await markImportFailed(db, { ...ref, runId: context.jobRunId, errorCode });
    context.logger.info({ importId: record.id, errorCode }, "import rejected");
    return { importId: record.id, status: "failed", errorCode };
  };
  await reportProgress(10, "Reading the file");
  try {
    const source = await openImportSource(storage, record, { sheet: payload.sheet });
    await reportProgress(40, "Profiling columns");
    const entity = getEntity(record.entity);
    const profiler = createProfiler(source.headers);
    const region = new RegionVoter(entity, source.headers);
    let read = 0;
    for await (const row of source.rows()) {
      profiler.add(row.cells);
      region.add(row.cells);
      read += 1;
      if (read >= analyseProfileRows) break;
    }
    const profiles = profiler.finish();
    await reportProgress(70, "Mapping columns");
    const headerFingerprint = fingerprintHeaders(source.headers);
    const remembered = await getRememberedMapping(db, {
      workspaceId,
      entity: record.entity,
      headerFingerprint,
    });
    const mapping = mapColumns({
      entity,
      columns: source.headers.map((name, index) => ({
        name,
        ...(profiles[index] ? { profile: profiles[index] } : {}),
      })),
      learnedAliases: await listLearnedAliases(db, { workspaceId, entity: record.entity }),
      ...(remembered ? { remembered: { fingerprint: headerFingerprint, mapping: remembered } } : {}),
    });
    // An operator's region survives a re-analysis (another sheet): it is about the office, not the sheet.
    const earlier = importRegionSchema.safeParse(record.sniff?.region);
    const chosen = earlier.success && earlier.data.source === "operator" ? earlier.data : undefined;
    const phoneFields = new Set(entity.fields.filter((f) => f.type === "phone").map((f) => f.name));
    const phoneColumns = mapping.filter((m) => m.field !== null && phoneFields.has(m.field));
    const stored = await markImportMapped(db, {
      ...ref,
      runId: context.jobRunId,
      // With its `sheets`, so the operator can choose another sheet of the workbook.
      sniff: { ...source.sniff, region: chosen ?? region.finish(phoneColumns.map((m) => m.columnIndex)) },
      columns: source.headers.map((name, index) => ({ name, profile: profiles[index] ?? null })),
      mapping,
      headerFingerprint,
    });
    return { importId: record.id, status: stored ? "mapped" : "skipped", columns: source.headers.length };
  } catch (error) {
    if (isTabularError(error)) return fail(error.code);
    if (isAppError(error) && error.code === "NOT_FOUND") return fail("STORAGE_MISSING");
    throw error;
  }
};
