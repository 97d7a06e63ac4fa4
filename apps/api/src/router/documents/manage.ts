import { deleteDocument, getDocument } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { recordAudit } from "../audit-trail";
import { documentIdInput, documentStoragePrefix } from "./schemas";

/** A short-lived link to the original file, served as an attachment. */
export const download = workspaceProcedure({ role: "viewer", scope: "documents:read" })
  .input(documentIdInput)
  .output(z.object({ url: z.string(), expiresAt: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const document = await getDocument(ctx.deps.db, {
      workspaceId: ctx.workspace.id,
      documentId: input.documentId,
    });
    if (!document || document.finalizedAt === null) throw new AppError("NOT_FOUND");
    const grant = await ctx.deps.storage.createDownloadUrl(document.storageKey, {
      expiresInSeconds: 300,
      filename: document.filename,
    });
    return { url: grant.url, expiresAt: grant.expiresAt.toISOString() };
  });

/**
 * Deletes a document, its derived rows (profile and facts, by cascade) and every stored object; the
 * row's deletion gives its bytes back to the storage quota in the same transaction. Audited.
 */
export const remove = workspaceProcedure({ role: "member", scope: "documents:write" })
  .input(documentIdInput)
  .output(z.object({ documentId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const workspaceId = ctx.workspace.id;
    // NOT_FOUND (also for another workspace's id) is thrown by the query itself.
    const deleted = await deleteDocument(ctx.deps.db, { workspaceId, documentId: input.documentId });
    // Rows first, then objects: a crash in between leaves unreferenced objects (harmless, swept by prefix),
    // never a row pointing at missing bytes.
    await ctx.deps.storage.deleteByPrefix(documentStoragePrefix(workspaceId, input.documentId));
    await recordAudit(ctx, {
      workspaceId,
      action: "documents.delete",
      targetType: "document",
      targetId: input.documentId,
      metadata: { filename: deleted.filename, size: deleted.size },
    });
    return { documentId: input.documentId };
  });
