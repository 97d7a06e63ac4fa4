import { getImport, listImports } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { regionSources } from "@vitae/tabular";
import { z } from "zod";
import type { Context } from "../../trpc/context";
import { workspaceProcedure } from "../../trpc/procedures";
import { isoDate, pageInputFields } from "../schemas";
import {
  columnProfileSchema,
  entityInput,
  importIdInput,
  importStatusOutput,
  ledgerOf,
  mappingOf,
  runProgressSchema,
  sheetSchema,
  storedColumnSchema,
  storedSniffSchema,
  validationLedgerSchema,
} from "./schemas";

const readProcedure = workspaceProcedure({ role: "viewer", scope: "imports:read" });

/** The import's current run as clients see it, or null when none was queued (or it is gone). */
export async function runProgressOf(
  ctx: Context,
  runId: string | null,
): Promise<z.infer<typeof runProgressSchema>> {
  if (runId === null) return null;
  const run = await ctx.deps.queue.getJobStatus(runId).catch(() => null);
  if (run === null) return null;
  return { jobRunId: run.id, status: run.status, percent: run.progress, message: run.progressMessage };
}

/**
 * An import with what the analyse job detected (`sniff` is null until it ran; for a workbook, the sheet
 * read and every sheet, which `imports.chooseSheet` can switch to), its columns with their
 * profiles, the `region` phone numbers without a country code are read in (null before analysis; its
 * `source` says whether the operator chose it or what in the file decided it), and the mapping: for every column a field or `null` (abstained), a confidence, the reason
 * in plain words and the alternatives; after a validation its row `ledger`; and `progress`, where its
 * current run (analysis, validation or fix) stands.
 */
export const byId = readProcedure
  .input(importIdInput)
  .output(
    z.object({
      id: z.string(),
      filename: z.string(),
      size: z.number(),
      status: importStatusOutput,
      entity: entityInput,
      errorCode: z.string().nullable(),
      sniff: z
        .object({
          format: z.enum(["csv", "xlsx"]),
          encoding: z.string().nullable(),
          delimiter: z.string().nullable(),
          headerRow: z.number().int(),
          sheet: z.string().optional(),
          sheets: z.array(sheetSchema).optional(),
        })
        .nullable(),
      region: z
        .object({ country: z.string().nullable(), source: z.enum(regionSources), reason: z.string() })
        .nullable(),
      columns: z.array(z.object({ name: z.string(), profile: columnProfileSchema.nullable() })),
      mapping: z.array(
        z.object({
          column: z.string(),
          field: z.string().nullable(),
          confidence: z.number(),
          reason: z.string(),
          source: z.string(),
          alternatives: z.array(z.object({ field: z.string(), confidence: z.number(), reason: z.string() })),
        }),
      ),
      ledger: validationLedgerSchema.nullable(),
      fixes: z.number().int(),
      progress: runProgressSchema,
      createdAt: isoDate,
      updatedAt: isoDate,
    }),
  )
  .query(async ({ ctx, input }) => {
    const record = await getImport(ctx.deps.db, { workspaceId: ctx.workspace.id, importId: input.importId });
    if (!record) throw new AppError("NOT_FOUND");
    const sniff = record.sniff === null ? null : storedSniffSchema.parse(record.sniff);
    const columns = z.array(storedColumnSchema).parse(record.columns ?? []);
    return {
      id: record.id,
      filename: record.filename,
      size: record.size,
      status: record.status,
      entity: entityInput.parse(record.entity),
      errorCode: record.errorCode,
      sniff:
        sniff === null
          ? null
          : {
              format: sniff.format,
              encoding: sniff.encoding ?? null,
              delimiter: sniff.delimiter ?? null,
              headerRow: sniff.headerLine,
              ...(sniff.sheet === undefined ? {} : { sheet: sniff.sheet }),
              ...(sniff.sheets === undefined
                ? {}
                : { sheets: sniff.sheets.map(({ name, isHidden }) => ({ name, isHidden })) }),
            },
      region: sniff?.region ?? null,
      columns,
      mapping: mappingOf(record.mapping).map(({ columnIndex: _index, ...entry }) => entry),
      ledger: ledgerOf(record.ledger),
      fixes: record.fixes.length,
      progress: await runProgressOf(ctx, record.currentRunId),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  });

/** The workspace's imports, newest first, keyset-paginated like `documents.list`. */
export const list = readProcedure
  .input(
    z
      .strictObject({
        ...pageInputFields,
      })
      .optional(),
  )
  .output(
    z.object({
      items: z.array(
        z.object({
          id: z.string(),
          entity: z.string(),
          filename: z.string(),
          size: z.number(),
          status: importStatusOutput,
          errorCode: z.string().nullable(),
          createdAt: isoDate,
          updatedAt: isoDate,
        }),
      ),
      nextCursor: z.string().nullable(),
    }),
  )
  .query(({ ctx, input }) =>
    listImports(ctx.deps.db, { workspaceId: ctx.workspace.id, cursor: input?.cursor, limit: input?.limit }),
  );
