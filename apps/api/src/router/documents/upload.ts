import { randomUUID } from "node:crypto";
import { createDocumentUpload, finalizeDocumentUpload, getDocument } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { ingestDocumentJob, prepareJobRun } from "@vitae/queue";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { auditEventOf } from "../audit-trail";
import { assertDeclaredUpload, grantForClient, uploadGrantOutput } from "../upload-grant";
import {
  documentIdInput,
  documentOriginalKey,
  documentUploadKey,
  filenameSchema,
  type UploadContentType,
  uploadContentTypes,
} from "./schemas";

const uploadLifetimeSeconds = 600;

/**
 * Step 1 of an upload: records the document and returns a presigned upload bound to the declared type
 * and exact size, capped by the plan. The bytes go straight to storage, never through the API.
 */
export const createUpload = workspaceProcedure({
  role: "member",
  scope: "documents:write",
  rateLimitTier: "upload",
})
  .input(
    z.strictObject({
      filename: filenameSchema,
      contentType: z.enum(Object.keys(uploadContentTypes) as [UploadContentType, ...UploadContentType[]]),
      size: z.number().int().min(1),
    }),
  )
  .output(
    z.object({
      documentId: z.string(),
      upload: uploadGrantOutput,
      expiresAt: z.string(),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const maxSize = ctx.deps.config.uploadMaxBytes[ctx.workspace.plan];
    assertDeclaredUpload(input, uploadContentTypes[input.contentType], maxSize);
    const documentId = randomUUID();
    // The client writes `upload`; the worker publishes the bytes it validated at `original`, the only
    // key downloads serve — so no replayed or raced upload can ever be served unvalidated.
    const uploadKey = documentUploadKey(ctx.workspace.id, documentId);
    // The declared size is reserved now: the signed URL admits exactly that many bytes, so what a
    // client can store is counted whether or not it ever finalizes (the stale-upload sweep gives it back).
    await createDocumentUpload(ctx.deps.db, {
      id: documentId,
      workspaceId: ctx.workspace.id,
      uploadedBy: ctx.principal.userId,
      filename: input.filename,
      contentType: input.contentType,
      size: input.size,
      storageKey: documentOriginalKey(ctx.workspace.id, documentId),
      uploadKey,
      storedBytesLimit: ctx.deps.config.quotas[ctx.workspace.plan].storedBytes,
    });
    const grant = await ctx.deps.storage.createUploadUrl(uploadKey, {
      contentType: input.contentType,
      size: input.size,
      maxSize,
      expiresInSeconds: uploadLifetimeSeconds,
    });
    return { documentId, ...grantForClient(grant) };
  });

/**
 * Step 2: confirms the bytes arrived with the declared size, then — in one transaction, won by exactly
 * one of any number of concurrent calls — marks the document finalized and records its ingest run
 * (the document id is the run id). Every call that finds the document still waiting hands the run to
 * the queue (idempotent), so a finalize whose dispatch failed is repaired by finalizing again.
 */
export const finalize = workspaceProcedure({ role: "member", scope: "documents:write" })
  .input(documentIdInput)
  .output(z.object({ documentId: z.string(), status: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const workspaceId = ctx.workspace.id;
    const document = await getDocument(ctx.deps.db, { workspaceId, documentId: input.documentId });
    if (!document) throw new AppError("NOT_FOUND");
    if (document.status !== "uploaded") return { documentId: document.id, status: document.status };
    if (document.finalizedAt === null) {
      const stored = await ctx.deps.storage.head(document.uploadKey ?? document.storageKey);
      if (!stored)
        throw new AppError("CONFLICT", { message: "The upload has not arrived yet; send the file first." });
      if (stored.size !== document.size) {
        throw new AppError("CONFLICT", { message: "The uploaded file does not have the declared size." });
      }
    }
    const ingest = { jobRunId: document.id, workspaceId };
    const finalized = await finalizeDocumentUpload(ctx.deps.db, {
      workspaceId,
      documentId: document.id,
      ingestRun: prepareJobRun(ingestDocumentJob, { documentId: document.id }, ingest),
      audit: auditEventOf(ctx, {
        workspaceId,
        action: "documents.upload",
        targetType: "document",
        targetId: document.id,
        metadata: { filename: document.filename, size: document.size },
      }),
    });
    if (!finalized) throw new AppError("NOT_FOUND");
    if (finalized.document.status !== "uploaded") {
      return { documentId: document.id, status: finalized.document.status };
    }
    await ctx.deps.queue.enqueue(ingestDocumentJob, { documentId: document.id }, ingest);
    return { documentId: document.id, status: "uploaded" };
  });
