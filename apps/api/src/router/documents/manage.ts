import { randomUUID } from "node:crypto";
import {
  type DocumentRecord,
  deleteDocument,
  getDocument,
  insertAuditEvent,
  reopenDocumentForReingest,
} from "@vitae/db";
import { AppError } from "@vitae/errors";
import { ingestDocumentJob } from "@vitae/queue";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { auditEventOf, auditedWrite } from "../audit-trail";
import { documentSummaryOf } from "./read";
import { documentIdInput, documentStoragePrefix, documentSummarySchema } from "./schemas";

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
    await auditedWrite(
      ctx,
      (tx) => deleteDocument(tx, { workspaceId, documentId: input.documentId }),
      (deleted) => ({
        workspaceId,
        action: "documents.delete",
        targetType: "document",
        targetId: input.documentId,
        metadata: { filename: deleted.filename, size: deleted.size },
      }),
    );
    // Rows first, then objects: a crash in between leaves unreferenced objects (harmless, swept by prefix),
    // never a row pointing at missing bytes.
    await ctx.deps.storage.deleteByPrefix(documentStoragePrefix(workspaceId, input.documentId));
    return { documentId: input.documentId };
  });

/**
 * Processes a `ready` or `failed` document again (a run that ran out of attempts, a better parser): the
 * document goes back to `uploaded`, waiting for a new ingest run with its own id, and `documents.progress`
 * follows that run. The document and the run's row commit together. `CONFLICT` while the document is
 * still being processed (its current run is queued or running) or was never finalized. Audited.
 *
 * Answers with the document as the reopen left it (`uploaded`, stamped by the same transaction), so a
 * client shows the new run at once: a run that fails again within milliseconds (a scanned file) would
 * otherwise go from failed to failed without the row ever showing that it moved.
 */
export const reingest = workspaceProcedure({ role: "member", scope: "documents:write" })
  .input(documentIdInput)
  .output(
    z.object({ documentId: z.string(), status: z.literal("uploaded"), document: documentSummarySchema }),
  )
  .mutation(async ({ ctx, input }) => {
    const workspaceId = ctx.workspace.id;
    const ref = { workspaceId, documentId: input.documentId };
    const document = await getDocument(ctx.deps.db, ref);
    if (!document) throw new AppError("NOT_FOUND");
    const runId = randomUUID();
    let reopened: DocumentRecord | undefined;
    await ctx.deps.queue.enqueue(
      ingestDocumentJob,
      { documentId: document.id },
      {
        workspaceId,
        jobRunId: runId,
        async withinTransaction(tx) {
          if (!(await reopenDocumentForReingest(tx, { ...ref, runId }))) {
            throw new AppError("CONFLICT", { message: "The document is still being processed." });
          }
          reopened = await getDocument(tx, ref);
          await insertAuditEvent(
            tx,
            auditEventOf(ctx, {
              workspaceId,
              action: "documents.reingest",
              targetType: "document",
              targetId: document.id,
              metadata: { filename: document.filename, runId },
            }),
          );
        },
      },
    );
    if (reopened === undefined) throw new AppError("NOT_FOUND");
    return { documentId: document.id, status: "uploaded" as const, document: documentSummaryOf(reopened) };
  });
