import { createHash } from "node:crypto";
import { getExport, getProfileView, markExportFailed, markExportReady, markExportRunning } from "@vitae/db";
import { AppError, isAppError } from "@vitae/errors";
import { type ResumeTemplate, renderDocx, renderHtml, renderPdf, toResumeModel } from "@vitae/render";
import type { JobHandler, JsonValue } from "../handler-types";

async function render(format: string, view: Parameters<typeof toResumeModel>[0], template: ResumeTemplate) {
  const model = toResumeModel(view);
  if (format === "html") return Buffer.from(renderHtml(model, template), "utf8");
  if (format === "pdf") return renderPdf(model, template);
  if (format === "docx") return renderDocx(model, template);
  throw new Error(`not a profile export format: ${format}`);
}

/**
 * `exports.render-profile`: profile → résumé model → HTML, PDF or DOCX in the export's template →
 * stored at the export's key → `ready` with its size and SHA-256, its bytes counted. Verdicts end the
 * export and complete the run: the profile is gone (`SOURCE_MISSING`), the renderer refuses the data or
 * the template (`RENDER_FAILED`), the file does not fit the plan (`QUOTA_EXCEEDED`, the object is
 * deleted). Storage and database failures throw and are retried. Idempotent: only a `queued` or
 * `running` export is rendered, and a redelivery rewrites the same key.
 */
export const renderProfileExport: JobHandler<"exports.render-profile"> = async (context) => {
  const { db, storage, payload, reportProgress, logger } = context;
  const workspaceId = context.workspaceId;
  if (workspaceId === null)
    throw new AppError("JOB_PAYLOAD_INVALID", { message: "An export run needs a workspace." });
  const ref = { workspaceId, exportId: payload.exportId };
  const record = await getExport(db, ref);
  if (!record || record.profileId === null || record.template === null) {
    throw new AppError("NOT_FOUND", { message: "The export no longer exists." });
  }
  if (!(await markExportRunning(db, ref))) {
    return { exportId: record.id, status: record.status, skipped: true };
  }
  const fail = async (errorCode: string): Promise<JsonValue> => {
    await markExportFailed(db, { ...ref, errorCode });
    logger.info({ exportId: record.id, errorCode }, "export failed");
    return { exportId: record.id, status: "failed", errorCode };
  };

  await reportProgress(10, "Reading the profile");
  const view = await getProfileView(db, { workspaceId, profileId: record.profileId });
  if (!view) return fail("SOURCE_MISSING");

  await reportProgress(30, `Rendering ${record.format.toUpperCase()}`);
  let bytes: Buffer;
  try {
    // The template was checked when the export was requested; a build that no longer has it refuses.
    bytes = await render(record.format, view, record.template as ResumeTemplate);
  } catch (error) {
    logger.warn({ err: error, exportId: record.id }, "export rendering failed");
    return fail("RENDER_FAILED");
  }

  await reportProgress(80, "Saving the file");
  await storage.put(record.objectKey, bytes, { contentType: record.contentType });
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  try {
    await markExportReady(db, { ...ref, size: bytes.length, sha256 });
  } catch (error) {
    if (!isAppError(error) || error.code !== "QUOTA_EXCEEDED") throw error;
    await storage.delete(record.objectKey);
    return fail("QUOTA_EXCEEDED");
  }
  return { exportId: record.id, status: "ready", format: record.format, size: bytes.length };
};
