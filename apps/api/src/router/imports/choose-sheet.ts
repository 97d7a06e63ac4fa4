import { randomUUID } from "node:crypto";
import { getImport, restartImportAnalysis } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { analyseImportJob, prepareJobRun } from "@vitae/queue";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { auditEventOf } from "../audit-trail";
import { importStatusOutput, storedSniffSchema } from "./schemas";

/**
 * Reads a workbook from another of its sheets: the sheet must be one the analysis listed
 * (`imports.byId` → `sniff.sheets`), else `VALIDATION_FAILED`. The import goes back to `analysing` —
 * its columns, mapping, fixes, rows and ledger described the other sheet and are dropped — with a new
 * analyse run naming the sheet; the move, the run row and the audit event commit together before the
 * job is queued. Follow it with `imports.progress`. `CONFLICT` unless the import is a `mapped` or
 * `validated` workbook.
 */
export const chooseSheet = workspaceProcedure({ role: "member", scope: "imports:write" })
  .input(z.strictObject({ importId: z.uuid(), sheet: z.string().min(1).max(200) }))
  .output(z.object({ importId: z.string(), status: importStatusOutput, jobRunId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const workspaceId = ctx.workspace.id;
    const record = await getImport(ctx.deps.db, { workspaceId, importId: input.importId });
    if (!record) throw new AppError("NOT_FOUND");
    const sniff = storedSniffSchema.safeParse(record.sniff ?? undefined);
    if (!sniff.success || sniff.data.format !== "xlsx" || sniff.data.sheets === undefined) {
      throw new AppError("CONFLICT", { message: "Only an analysed workbook has sheets to choose from." });
    }
    if (!sniff.data.sheets.some((sheet) => sheet.name === input.sheet)) {
      throw new AppError("VALIDATION_FAILED", {
        message: "The workbook has no sheet with that name.",
        details: { fieldErrors: { sheet: ["not a sheet of this workbook"] } },
      });
    }
    const jobRunId = randomUUID();
    const run = { jobRunId, workspaceId };
    const payload = { importId: record.id, sheet: input.sheet };
    const restarted = await restartImportAnalysis(ctx.deps.db, {
      workspaceId,
      importId: record.id,
      run: prepareJobRun(analyseImportJob, payload, run),
      audit: auditEventOf(ctx, {
        workspaceId,
        action: "imports.choose-sheet",
        targetType: "import",
        targetId: record.id,
        metadata: { sheet: input.sheet, previous: sniff.data.sheet ?? null },
      }),
    });
    if (!restarted) {
      throw new AppError("CONFLICT", { message: "Wait for the current analysis or check to finish." });
    }
    await ctx.deps.queue.enqueue(analyseImportJob, payload, run);
    return { importId: record.id, status: "analysing", jobRunId };
  });
