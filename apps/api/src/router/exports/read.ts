import type { Principal } from "@vitae/auth";
import {
  type ExportErrorCode,
  exportErrorMessages,
  exportFormats,
  exportInvalidRowsPolicies,
  exportReadScopes,
  exportStatuses,
  toExportErrorCode,
} from "@vitae/contracts";
import { type ExportWithProgress, getExport } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";
import { isoDate } from "../schemas";

/** Download links live at most this long, and never past the export's own expiry. */
const downloadLinkSeconds = 300;

const sourceOutput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("profile"), profileId: z.string(), template: z.string() }),
  z.object({
    kind: z.literal("import"),
    importId: z.string(),
    invalidRows: z.enum(exportInvalidRowsPolicies),
  }),
]);

const exportOutput = z.object({
  id: z.string(),
  status: z.enum(exportStatuses),
  format: z.enum(exportFormats),
  source: sourceOutput,
  filename: z.string(),
  contentType: z.string(),
  progress: z.number(),
  progressMessage: z.string().nullable(),
  size: z.number().nullable(),
  sha256: z.string().nullable(),
  ledger: z.record(z.string(), z.unknown()).nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: isoDate,
  expiresAt: isoDate.nullable(),
  download: z.object({ url: z.string(), expiresAt: z.string() }).optional(),
});

function sourceOf(record: ExportWithProgress): z.input<typeof sourceOutput> {
  if (record.profileId !== null) {
    return { kind: "profile", profileId: record.profileId, template: record.template ?? "" };
  }
  return {
    kind: "import",
    importId: record.importId ?? "",
    invalidRows: record.invalidRows === "include" ? "include" : "exclude",
  };
}

function errorOf(code: ExportErrorCode) {
  return { code, message: exportErrorMessages[code] };
}

/** An API key needs the read scope of the export's source; to it, an export it may not read does not exist. */
export function assertMayRead(principal: Principal, record: ExportWithProgress) {
  const scope = exportReadScopes[record.profileId !== null ? "profile" : "import"];
  if (principal.kind === "apiKey" && !principal.scopes.includes(scope)) throw new AppError("NOT_FOUND");
}

/**
 * One export of any source (a profile's résumé, an import's rows): its status and progress, what it
 * was made from, its size, SHA-256 and row ledger (import exports), the error in plain words when it
 * failed or expired, and — while it is ready and not yet expired — a short-lived download link that
 * serves it as an attachment with its content type. A ready export past `expiresAt` reports `expired`
 * at once, before the sweep deletes its file. Every reader holds `workspace:read`; an API key also
 * needs the read scope of the export's source (`exportReadScopes`).
 */
export const byId = workspaceProcedure({ role: "viewer", scope: "workspace:read" })
  .input(z.strictObject({ exportId: z.uuid() }))
  .output(exportOutput)
  .query(async ({ ctx, input }): Promise<z.input<typeof exportOutput>> => {
    const record = await getExport(ctx.deps.db, { workspaceId: ctx.workspace.id, exportId: input.exportId });
    if (!record) throw new AppError("NOT_FOUND");
    assertMayRead(ctx.principal, record);
    const now = Date.now();
    const isPastExpiry = record.expiresAt !== null && record.expiresAt.getTime() <= now;
    const status = record.status === "ready" && isPastExpiry ? "expired" : record.status;
    const error =
      status === "expired"
        ? errorOf("EXPORT_EXPIRED")
        : record.errorCode === null
          ? null
          : errorOf(toExportErrorCode(record.errorCode));
    const view: z.input<typeof exportOutput> = {
      id: record.id,
      status,
      format: record.format as z.input<typeof exportOutput>["format"],
      source: sourceOf(record),
      filename: record.filename,
      contentType: record.contentType,
      progress: record.progress,
      progressMessage: record.progressMessage,
      size: status === "ready" ? record.size : null,
      sha256: record.sha256,
      ledger: record.ledger,
      error,
      createdAt: record.createdAt,
      expiresAt: record.expiresAt,
    };
    if (status !== "ready" || record.expiresAt === null) return view;
    const secondsLeft = Math.floor((record.expiresAt.getTime() - now) / 1000);
    const grant = await ctx.deps.storage.createDownloadUrl(record.objectKey, {
      expiresInSeconds: Math.max(1, Math.min(downloadLinkSeconds, secondsLeft)),
      filename: record.filename,
      contentType: record.contentType,
    });
    return { ...view, download: { url: grant.url, expiresAt: grant.expiresAt.toISOString() } };
  });
