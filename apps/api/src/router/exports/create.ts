import { profileExportFormats } from "@vitae/contracts";
import { getProfileView } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { renderProfileExportJob } from "@vitae/queue";
import { resumeTemplates } from "@vitae/render";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { exportFilename } from "./filename";
import { startExport } from "./start-export";

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
    const exportId = await startExport(ctx, {
      job: renderProfileExportJob,
      source: { kind: "profile", profileId: profile.id, format: input.format, template: input.template },
      filename: exportFilename(profile.name, input.format),
      action: "exports.create",
      metadata: { profileId: profile.id, format: input.format, template: input.template },
    });
    return { exportId };
  });
