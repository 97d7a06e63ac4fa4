import { getImport, saveImportMapping } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { getEntity, learnedAliasesFrom } from "@vitae/tabular";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { auditEventOf } from "../audit-trail";
import { mappingOf, type StoredMapping } from "./schemas";

const manualReason = "Set by an operator";

function invalid(problems: string[]): AppError {
  return new AppError("VALIDATION_FAILED", {
    message: "The mapping does not fit the file or the entity.",
    details: { fieldErrors: { mapping: problems.slice(0, 20) } },
  });
}

/**
 * The operator's mapping for an analysed import: every listed column must be a column of the file and
 * every field a field of the import's entity, each used once (one-to-one); columns left out are left
 * unmapped. Stored on the import and **remembered** for the file's header set in the workspace's mapping
 * memory (with the learned aliases), audited, in one transaction — the next file with the same headers
 * is mapped from memory at confidence 1. A `validated` import may be re-mapped: its rows and ledger are
 * dropped and it is `mapped` again. `CONFLICT` before the import is `mapped` and while it validates.
 */
export const setMapping = workspaceProcedure({ role: "member", scope: "imports:write" })
  .input(
    z.strictObject({
      importId: z.uuid(),
      mapping: z
        .array(z.strictObject({ column: z.string().max(1024), field: z.string().max(100).nullable() }))
        .max(2000),
    }),
  )
  .output(z.object({ importId: z.string(), mapped: z.number().int() }))
  .mutation(async ({ ctx, input }) => {
    const workspaceId = ctx.workspace.id;
    const record = await getImport(ctx.deps.db, { workspaceId, importId: input.importId });
    if (!record) throw new AppError("NOT_FOUND");
    if ((record.status !== "mapped" && record.status !== "validated") || record.headerFingerprint === null) {
      throw new AppError("CONFLICT", { message: "Only an analysed import can be mapped." });
    }
    const fields = new Set(getEntity(record.entity).fields.map((field) => field.name));
    const current = mappingOf(record.mapping);
    const byColumn = new Map(current.map((entry) => [entry.column, entry]));
    const chosen = new Map<string, string | null>();
    const usedFields = new Set<string>();
    const problems: string[] = [];
    for (const { column, field } of input.mapping) {
      if (!byColumn.has(column)) problems.push(`"${column}" is not a column of the file`);
      else if (chosen.has(column)) problems.push(`"${column}" is listed twice`);
      chosen.set(column, field);
      if (field === null) continue;
      if (!fields.has(field)) problems.push(`"${field}" is not a field of ${record.entity}`);
      else if (usedFields.has(field)) problems.push(`"${field}" is mapped from more than one column`);
      usedFields.add(field);
    }
    if (problems.length > 0) throw invalid(problems);
    const mapping: StoredMapping[] = current.map((entry) => {
      const field = chosen.get(entry.column) ?? null;
      return { ...entry, field, confidence: 1, reason: manualReason, source: "manual" };
    });
    const remembered = mapping.map(({ column, field }) => ({ column, field }));
    await saveImportMapping(ctx.deps.db, {
      workspaceId,
      importId: record.id,
      entity: record.entity,
      headerFingerprint: record.headerFingerprint,
      mapping,
      remembered,
      learnedAliases: learnedAliasesFrom(remembered),
      audit: auditEventOf(ctx, {
        workspaceId,
        action: "imports.set-mapping",
        targetType: "import",
        targetId: record.id,
        metadata: { entity: record.entity, mapped: usedFields.size, columns: mapping.length },
      }),
    });
    return { importId: record.id, mapped: usedFields.size };
  });
