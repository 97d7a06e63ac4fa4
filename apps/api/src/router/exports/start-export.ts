import { randomUUID } from "node:crypto";
import type { Principal } from "@vitae/auth";
import { exportContentTypes } from "@vitae/contracts";
import { createExport, type ExportSource } from "@vitae/db";
import { prepareJobRun, type renderProfileExportJob, type writeImportExportJob } from "@vitae/queue";
import type { Context } from "../../trpc/context";
import type { WorkspaceAccess } from "../../trpc/procedures";
import { auditEventOf } from "../audit-trail";

/** What one export produces and how it is recorded; the rest comes from the calling context. */
export interface StartExportParams {
  /** The job that writes the file; its payload is `{ exportId }` and the run's id is the export's. */
  job: typeof renderProfileExportJob | typeof writeImportExportJob;
  source: ExportSource;
  filename: string;
  /** The audit action, e.g. `exports.create`; the event targets the new export. */
  action: string;
  metadata: Record<string, unknown>;
}

/**
 * Starts an export from any source: records the export row (TTL and stored-bytes limit from the config
 * and the workspace's plan), its run and its audit event in one transaction, then hands the run to the
 * queue. One home for the sequence every export procedure shares; returns the new export's id.
 */
export async function startExport(
  ctx: Context & { principal: Principal; workspace: WorkspaceAccess },
  params: StartExportParams,
): Promise<string> {
  const workspaceId = ctx.workspace.id;
  const exportId = randomUUID();
  const run = { jobRunId: exportId, workspaceId };
  await createExport(ctx.deps.db, {
    id: exportId,
    workspaceId,
    createdBy: ctx.principal.userId,
    source: params.source,
    contentType: exportContentTypes[params.source.format],
    filename: params.filename,
    ttlSeconds: ctx.deps.config.exportTtlSeconds,
    storedBytesLimit: ctx.deps.config.quotas[ctx.workspace.plan].storedBytes,
    run: prepareJobRun(params.job, { exportId }, run),
    audit: auditEventOf(ctx, {
      workspaceId,
      action: params.action,
      targetType: "export",
      targetId: exportId,
      metadata: params.metadata,
    }),
  });
  await ctx.deps.queue.enqueue(params.job, { exportId }, run);
  return exportId;
}
