import { randomUUID } from "node:crypto";
import { exportContentTypes, profileExportFormats } from "@vitae/contracts";
import { createExport, getProfileView } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { prepareJobRun, renderProfileExportJob } from "@vitae/queue";
import { resumeTemplates } from "@vitae/render";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { auditEventOf } from "../audit-trail";
import { exportFilename } from "./filename";

/**
 * Exports a profile as a résumé (HTML, PDF or DOCX, in a template): records the export, its render run
 * and the audit event in one transaction, then hands the run to the queue; `exports.byId` reports its
 * progress and, once ready, a download link. Anyone who can read the profile may export it; the
 * `upload` tier limits how often, since each export stores a file (counted against the plan's storage).
 * Another workspace's profile is `NOT_FOUND`.
 */
export const create = workspaceProcedure({ role: "viewer", scope: "documents:read", rateLimitTier: "upload" })
  .input(
    z.strictObject({
      profileId: z.uuid(),
      format: z.enum(profileExportFormats),
      template: z.enum(resumeTemplates).default("classic"),
    }),
  )
  .output(z.object({ exportId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const workspaceId = ctx.workspace.id;
    const profile = await getProfileView(ctx.deps.db, { workspaceId, profileId: input.profileId });
    if (!profile) throw new AppError("NOT_FOUND");
    const exportId = randomUUID();
    const run = { jobRunId: exportId, workspaceId };
    await createExport(ctx.deps.db, {
      id: exportId,
      workspaceId,
      createdBy: ctx.principal.userId,
      source: { kind: "profile", profileId: profile.id, format: input.format, template: input.template },
      contentType: exportContentTypes[input.format],
      filename: exportFilename(profile.name, input.format),
      ttlSeconds: ctx.deps.config.exportTtlSeconds,
      storedBytesLimit: ctx.deps.config.quotas[ctx.workspace.plan].storedBytes,
      run: prepareJobRun(renderProfileExportJob, { exportId }, run),
      audit: auditEventOf(ctx, {
        workspaceId,
        action: "exports.create",
        targetType: "export",
        targetId: exportId,
        metadata: { profileId: profile.id, format: input.format, template: input.template },
      }),
    });
    await ctx.deps.queue.enqueue(renderProfileExportJob, { exportId }, run);
    return { exportId };
  });
