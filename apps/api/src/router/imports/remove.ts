import { deleteImport } from "@vitae/db";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { auditEventOf } from "../audit-trail";
import { importIdInput, importStoragePrefix } from "./schemas";

/**
 * Deletes an import and every stored object of it; the row's deletion gives its bytes back to the
 * storage quota and writes the audit event in the same transaction. `NOT_FOUND` for another workspace's
 * id. The workspace's mapping memory stays: it belongs to the header set, not to this file.
 */
export const remove = workspaceProcedure({ role: "member", scope: "imports:write" })
  .input(importIdInput)
  .output(z.object({ importId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const workspaceId = ctx.workspace.id;
    await deleteImport(ctx.deps.db, {
      workspaceId,
      importId: input.importId,
      audit: (deleted) =>
        auditEventOf(ctx, {
          workspaceId,
          action: "imports.delete",
          targetType: "import",
          targetId: input.importId,
          metadata: { filename: deleted.filename, size: deleted.size },
        }),
    });
    // Rows first, then objects: a crash in between leaves unreferenced objects under the prefix,
    // never a row pointing at missing bytes.
    await ctx.deps.storage.deleteByPrefix(importStoragePrefix(workspaceId, input.importId));
    return { importId: input.importId };
  });
