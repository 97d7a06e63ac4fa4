import { randomUUID } from "node:crypto";
import { getImport, startImportValidation } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { prepareJobRun, validateImportJob } from "@vitae/queue";
import { type Fix, fixTransforms, type ImportRegion, regionCountrySchema } from "@vitae/tabular";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { auditEventOf } from "../audit-trail";
import { importStatusOutput, mappingOf } from "./schemas";

const writeProcedure = workspaceProcedure({ role: "member", scope: "imports:write" });

const runOutput = z.object({ importId: z.string(), status: importStatusOutput, jobRunId: z.string() });

/**
 * Starts validating a `mapped` (or re-validating a `validated`) import: a new run id becomes its current
 * run, and the move to `validating`, the run row and the audit event commit together before the job is
 * queued. The `imports.validate` job streams the file through the mapping, validation and fixes into the
 * import's rows and stores the ledger; follow it with `imports.progress` or `imports.byId`. With
 * `defaultCountry` (ISO 3166-1 alpha-2) the operator overrides the region the analysis inferred: phone
 * numbers without a country code are read as that country's, now and in later fixes and exports
 * (`imports.byId` → `region`, `source: "operator"`). `CONFLICT` in any other state (analysing,
 * validating, failed).
 */
export const validate = writeProcedure
  .input(z.strictObject({ importId: z.uuid(), defaultCountry: regionCountrySchema.optional() }))
  .output(runOutput)
  .mutation(async ({ ctx, input }) => {
    const workspaceId = ctx.workspace.id;
    const record = await getImport(ctx.deps.db, { workspaceId, importId: input.importId });
    if (!record) throw new AppError("NOT_FOUND");
    const jobRunId = randomUUID();
    const run = { jobRunId, workspaceId };
    const payload = { importId: record.id, mode: "file" } as const;
    const region: ImportRegion | undefined =
      input.defaultCountry === undefined
        ? undefined
        : {
            country: input.defaultCountry,
            source: "operator",
            reason: "Chosen by a member of the workspace",
          };
    const started = await startImportValidation(ctx.deps.db, {
      workspaceId,
      importId: record.id,
      ...(region ? { region } : {}),
      run: prepareJobRun(validateImportJob, payload, run),
      audit: auditEventOf(ctx, {
        workspaceId,
        action: "imports.validate",
        targetType: "import",
        targetId: record.id,
        metadata: { entity: record.entity, ...(region ? { defaultCountry: region.country } : {}) },
      }),
    });
    if (!started) throw new AppError("CONFLICT", { message: "Only a mapped import can be validated." });
    await ctx.deps.queue.enqueue(validateImportJob, payload, run);
    return { importId: record.id, status: "validating", jobRunId };
  });

/**
 * Applies a bulk fix to one mapped field of a `validated` import: a transform from the closed list or a
 * value map (raw value, trimmed → replacement). The fix is appended to the import's fixes (a later full
 * validation replays them all) and an `imports.validate` run in `fix` mode re-checks only the stored rows
 * the fix changes — every row only when the field is unique or part of a reference. `VALIDATION_FAILED`
 * for a field the import does not map; `CONFLICT` unless `validated`.
 */
export const fix = writeProcedure
  .input(
    z.union([
      z.strictObject({ importId: z.uuid(), field: z.string().max(100), transform: z.enum(fixTransforms) }),
      z.strictObject({
        importId: z.uuid(),
        field: z.string().max(100),
        valueMap: z
          .record(z.string().max(1024), z.string().max(1024))
          .refine((map) => Object.keys(map).length >= 1 && Object.keys(map).length <= 1000, {
            message: "between 1 and 1,000 values",
          }),
      }),
    ]),
  )
  .output(runOutput)
  .mutation(async ({ ctx, input }) => {
    const workspaceId = ctx.workspace.id;
    const record = await getImport(ctx.deps.db, { workspaceId, importId: input.importId });
    if (!record) throw new AppError("NOT_FOUND");
    if (!mappingOf(record.mapping).some((entry) => entry.field === input.field)) {
      throw new AppError("VALIDATION_FAILED", {
        message: "Only a field the import maps can be fixed.",
        details: { fieldErrors: { field: [`${input.field} is not mapped`] } },
      });
    }
    const chosen: Fix =
      "transform" in input
        ? { kind: "transform", field: input.field, transform: input.transform }
        : { kind: "valueMap", field: input.field, map: input.valueMap };
    const jobRunId = randomUUID();
    const run = { jobRunId, workspaceId };
    const payload = { importId: record.id, mode: "fix" } as const;
    const started = await startImportValidation(ctx.deps.db, {
      workspaceId,
      importId: record.id,
      fix: chosen,
      run: prepareJobRun(validateImportJob, payload, run),
      audit: auditEventOf(ctx, {
        workspaceId,
        action: "imports.fix",
        targetType: "import",
        targetId: record.id,
        metadata: {
          field: input.field,
          ...("transform" in input
            ? { transform: input.transform }
            : { values: Object.keys(input.valueMap).length }),
        },
      }),
    });
    if (!started) throw new AppError("CONFLICT", { message: "Only a validated import can be fixed." });
    await ctx.deps.queue.enqueue(validateImportJob, payload, run);
    return { importId: record.id, status: "validating", jobRunId };
  });
