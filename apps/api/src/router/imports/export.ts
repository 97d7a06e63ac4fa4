import { exportContentTypes, exportInvalidRowsPolicies, importExportFormats } from "@vitae/contracts";
import { getExport, getImport, rejectedRowsKey } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { writeImportExportJob } from "@vitae/queue";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { startExport } from "../exports/start-export";

/** The import's name without its extension, kept to safe characters, for the exported file's name. */
function exportFilename(filename: string, suffix: string): string {
  const stem = filename
    .replace(/\.[^.]*$/, "")
    .replace(/[^\p{L}\p{N} ._-]+/gu, "_")
    .slice(0, 120)
    .trim();
  return `${stem || "import"}${suffix}`;
}

/**
 * Exports a `validated` import's rows (fixes applied) as CSV (RFC 4180, UTF-8 BOM, formulas defused),
 * JSON, NDJSON or XML; `invalidRows: "include"` writes invalid rows too (marked in JSON/NDJSON/XML). The
 * export row, its run and the audit event commit together, then `imports.write-export` writes the file
 * with its SHA-256 and a row ledger that must balance (`read = exported + rejected by code + empty +
 * duplicates`). Follow it with `exports.byId`; the rejected rows download with
 * `imports.downloadRejected`. `CONFLICT` unless the import is `validated`.
 */
export const exportRows = workspaceProcedure({ role: "member", scope: "imports:write" })
  .input(
    z.strictObject({
      importId: z.uuid(),
      format: z.enum(importExportFormats),
      invalidRows: z.enum(exportInvalidRowsPolicies).default("exclude"),
    }),
  )
  .output(z.object({ exportId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const workspaceId = ctx.workspace.id;
    const record = await getImport(ctx.deps.db, { workspaceId, importId: input.importId });
    if (!record) throw new AppError("NOT_FOUND");
    if (record.status !== "validated") {
      throw new AppError("CONFLICT", { message: "Only a validated import can be exported." });
    }
    const exportId = await startExport(ctx, {
      job: writeImportExportJob,
      source: { kind: "import", importId: record.id, format: input.format, invalidRows: input.invalidRows },
      filename: exportFilename(record.filename, `.${input.format}`),
      action: "imports.export",
      metadata: { importId: record.id, format: input.format, invalidRows: input.invalidRows },
    });
    return { exportId };
  });

/**
 * A short-lived download link for a ready import export's rejected rows: CSV with `line`, `error_codes`,
 * `error_fields` and `error_messages` columns, then the row's original cells. `NOT_FOUND` for another
 * workspace's export, a profile export, or one not (or no longer) ready.
 */
export const downloadRejected = workspaceProcedure({ role: "viewer", scope: "imports:read" })
  .input(z.strictObject({ exportId: z.uuid() }))
  .output(z.object({ url: z.string(), expiresAt: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const record = await getExport(ctx.deps.db, { workspaceId: ctx.workspace.id, exportId: input.exportId });
    if (!record || record.importId === null || record.status !== "ready") throw new AppError("NOT_FOUND");
    const grant = await ctx.deps.storage.createDownloadUrl(rejectedRowsKey(record.objectKey), {
      expiresInSeconds: 300,
      filename: exportFilename(record.filename, "-rejected.csv"),
      contentType: exportContentTypes.csv,
    });
    return { url: grant.url, expiresAt: grant.expiresAt.toISOString() };
  });
