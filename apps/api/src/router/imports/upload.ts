import { randomUUID } from "node:crypto";
import { createImportUpload, finalizeImportUpload, getImport } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { analyseImportJob, prepareJobRun } from "@vitae/queue";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { auditEventOf } from "../audit-trail";
import { filenameSchema } from "../documents/schemas";
import { assertDeclaredUpload, grantForClient, uploadGrantOutput } from "../upload-grant";
import {
  entityInput,
  type ImportContentType,
  importContentTypes,
  importIdInput,
  importStatusOutput,
  importUploadKey,
} from "./schemas";

const uploadLifetimeSeconds = 600;

/**
 * Step 1 of an import: records it for an entity and returns a presigned upload bound to the declared
 * type and exact size, capped by the plan. The declared size is reserved in the stored-bytes quota in
 * the same transaction as the row; the upload key is written once (the storage route refuses a replay
 * once the import is finalized).
 */
export const createUpload = workspaceProcedure({
  role: "member",
  scope: "imports:write",
  rateLimitTier: "upload",
})
  .input(
    z.strictObject({
      filename: filenameSchema,
      contentType: z.enum(Object.keys(importContentTypes) as [ImportContentType, ...ImportContentType[]]),
      size: z.number().int().min(1),
      entity: entityInput,
    }),
  )
  .output(
    z.object({
      importId: z.string(),
      upload: uploadGrantOutput,
      expiresAt: z.string(),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const maxSize = ctx.deps.config.uploadMaxBytes[ctx.workspace.plan];
    assertDeclaredUpload(input, importContentTypes[input.contentType], maxSize);
    const importId = randomUUID();
    const uploadKey = importUploadKey(ctx.workspace.id, importId);
    await createImportUpload(ctx.deps.db, {
      id: importId,
      workspaceId: ctx.workspace.id,
      uploadedBy: ctx.principal.userId,
      entity: input.entity,
      filename: input.filename,
      contentType: input.contentType,
      size: input.size,
      uploadKey,
      storedBytesLimit: ctx.deps.config.quotas[ctx.workspace.plan].storedBytes,
    });
    const grant = await ctx.deps.storage.createUploadUrl(uploadKey, {
      contentType: input.contentType,
      size: input.size,
      maxSize,
      expiresInSeconds: uploadLifetimeSeconds,
    });
    return { importId, ...grantForClient(grant) };
  });

/**
 * Step 2: confirms the bytes arrived with the declared size, then — in one transaction won by exactly
 * one of any number of concurrent calls — moves the import to `analysing`, records its analyse run (the
 * import id is the first run's id) and the audit event. Every call that wins hands the run to the queue;
 * later calls return the status as it is.
 */
export const finalize = workspaceProcedure({ role: "member", scope: "imports:write" })
  .input(importIdInput)
  .output(z.object({ importId: z.string(), status: importStatusOutput }))
  .mutation(async ({ ctx, input }) => {
    const workspaceId = ctx.workspace.id;
    const record = await getImport(ctx.deps.db, { workspaceId, importId: input.importId });
    if (!record) throw new AppError("NOT_FOUND");
    if (record.status !== "uploaded") return { importId: record.id, status: record.status };
    const stored = await ctx.deps.storage.head(record.uploadKey);
    if (!stored)
      throw new AppError("CONFLICT", { message: "The upload has not arrived yet; send the file first." });
    if (stored.size !== record.size) {
      throw new AppError("CONFLICT", { message: "The uploaded file does not have the declared size." });
    }
    const run = { jobRunId: record.id, workspaceId };
    const won = await finalizeImportUpload(ctx.deps.db, {
      workspaceId,
      importId: record.id,
      analyseRun: prepareJobRun(analyseImportJob, { importId: record.id }, run),
      audit: auditEventOf(ctx, {
        workspaceId,
        action: "imports.upload",
        targetType: "import",
        targetId: record.id,
        metadata: { filename: record.filename, size: record.size, entity: record.entity },
      }),
    });
    if (won) await ctx.deps.queue.enqueue(analyseImportJob, { importId: record.id }, run);
    const now = await getImport(ctx.deps.db, { workspaceId, importId: record.id });
    if (!now) throw new AppError("NOT_FOUND");
    return { importId: now.id, status: now.status };
  });
