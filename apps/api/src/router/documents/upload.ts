import { randomUUID } from "node:crypto";
import { getDocument, insertDocument, markDocumentFinalized } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { ingestDocumentJob } from "@vitae/queue";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { recordAudit } from "../audit-trail";
import {
  documentIdInput,
  documentOriginalKey,
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
      upload: z.object({
        url: z.string(),
        method: z.literal("PUT"),
        headers: z.record(z.string(), z.string()),
      }),
      expiresAt: z.string(),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const extensions: readonly string[] = uploadContentTypes[input.contentType];
    const lowerName = input.filename.toLowerCase();
    if (!extensions.some((extension) => lowerName.endsWith(extension))) {
      throw new AppError("VALIDATION_FAILED", {
        message: "The file name does not match its type.",
        details: { fieldErrors: { filename: [`expected ${extensions.join(" or ")}`] } },
      });
    }
    const maxSize = ctx.deps.config.uploadMaxBytes[ctx.workspace.plan];
    if (input.size > maxSize) {
      throw new AppError("PAYLOAD_TOO_LARGE", {
        message: `Files up to ${maxSize} bytes are accepted on this plan.`,
      });
    }
    const usage = await ctx.deps.quota.current(ctx.workspace.id, ctx.workspace.plan);
    if (usage.storedBytes.used + input.size > usage.storedBytes.limit) {
      throw new AppError("QUOTA_EXCEEDED", { message: "This workspace's storage quota is used up." });
    }
    const documentId = randomUUID();
    const storageKey = documentOriginalKey(ctx.workspace.id, documentId);
    await insertDocument(ctx.deps.db, {
      id: documentId,
      workspaceId: ctx.workspace.id,
      uploadedBy: ctx.principal.userId,
      filename: input.filename,
      contentType: input.contentType,
      size: input.size,
      storageKey,
    });
    const grant = await ctx.deps.storage.createUploadUrl(storageKey, {
      contentType: input.contentType,
      size: input.size,
      maxSize,
      expiresInSeconds: uploadLifetimeSeconds,
    });
    return {
      documentId,
      upload: { url: grant.url, method: grant.method, headers: grant.headers },
      expiresAt: grant.expiresAt.toISOString(),
    };
  });

/**
 * Step 2: confirms the bytes arrived with the declared size, counts them against the storage quota and
 * queues ingestion with the document id as the run id — finalizing twice ingests once.
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
      const stored = await ctx.deps.storage.head(document.storageKey);
      if (!stored)
        throw new AppError("CONFLICT", { message: "The upload has not arrived yet; send the file first." });
      if (stored.size !== document.size) {
        throw new AppError("CONFLICT", { message: "The uploaded file does not have the declared size." });
      }
      await ctx.deps.quota.consume(workspaceId, ctx.workspace.plan, { storedBytes: document.size });
      await markDocumentFinalized(ctx.deps.db, { workspaceId, documentId: document.id });
      await recordAudit(ctx, {
        workspaceId,
        action: "documents.upload",
        targetType: "document",
        targetId: document.id,
        metadata: { filename: document.filename, size: document.size },
      });
    }
    // Queued on every finalize while the document still waits: enqueueing is idempotent (the run id is the
    // document id), so a finalize whose enqueue failed is repaired by simply finalizing again.
    await ctx.deps.queue.enqueue(
      ingestDocumentJob,
      { documentId: document.id },
      { workspaceId, jobRunId: document.id },
    );
    return { documentId: document.id, status: "uploaded" };
  });
