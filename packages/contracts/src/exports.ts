/**
 * Exports: a file the worker renders or writes from something in a workspace (a profile, an import),
 * stored under the workspace and downloaded through a short-lived link until it expires. These closed
 * lists are shared by the database (check constraints), the API (input schemas) and the web app.
 */

/** What an export is made from. */
export const exportSourceKinds = ["profile", "import"] as const;
export type ExportSourceKind = (typeof exportSourceKinds)[number];

/** The formats a profile (résumé) exports to. */
export const profileExportFormats = ["html", "pdf", "docx"] as const;
export type ProfileExportFormat = (typeof profileExportFormats)[number];

/** The formats an import's rows export to. */
export const importExportFormats = ["csv", "json", "ndjson", "xml"] as const;
export type ImportExportFormat = (typeof importExportFormats)[number];

/** Every export format. */
export const exportFormats = [...profileExportFormats, ...importExportFormats] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Whether an import export writes the rows that failed validation too. */
export const exportInvalidRowsPolicies = ["exclude", "include"] as const;
export type ExportInvalidRows = (typeof exportInvalidRowsPolicies)[number];

/**
 * Lifecycle of an export: queued → running → ready | failed, then expired (the object is deleted once
 * `expiresAt` passes; a failed export expires too, taking any partial object with it).
 */
export const exportStatuses = ["queued", "running", "ready", "failed", "expired"] as const;
export type ExportStatus = (typeof exportStatuses)[number];

/** The content type each format is stored and served with. */
export const exportContentTypes: Readonly<Record<ExportFormat, string>> = {
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv; charset=utf-8",
  json: "application/json",
  ndjson: "application/x-ndjson",
  xml: "application/xml",
};

/** True for a format a profile exports to (narrows {@link ExportFormat}). */
export function isProfileExportFormat(format: string): format is ProfileExportFormat {
  return (profileExportFormats as readonly string[]).includes(format);
}

/**
 * The closed list of codes a failed or expired export reports, each with its sentence. A run that fails
 * for another reason (storage or database outage after every retry) reports `EXPORT_FAILED`.
 */
export const exportErrorCodes = [
  "SOURCE_MISSING",
  "RENDER_FAILED",
  "LEDGER_MISMATCH",
  "QUOTA_EXCEEDED",
  "EXPORT_FAILED",
  "EXPORT_EXPIRED",
] as const;
export type ExportErrorCode = (typeof exportErrorCodes)[number];

/** One plain sentence per code: what went wrong and what to do. */
export const exportErrorMessages: Readonly<Record<ExportErrorCode, string>> = Object.freeze({
  SOURCE_MISSING: "What this export was made from no longer exists.",
  RENDER_FAILED: "This file could not be produced from the data as it is. Check the data and export again.",
  LEDGER_MISMATCH:
    "The export did not account for every row, so it was discarded. Export again; if it persists, report it.",
  QUOTA_EXCEEDED: "Your plan's storage is full. Delete files you no longer need, then export again.",
  EXPORT_FAILED: "The export could not be completed. Try again shortly.",
  EXPORT_EXPIRED: "This export has expired and its file was deleted. Export again to get a new file.",
});

/** `code` when it is one of {@link exportErrorCodes}, else `EXPORT_FAILED` (a run's infrastructure code). */
export function toExportErrorCode(code: string): ExportErrorCode {
  return (exportErrorCodes as readonly string[]).includes(code) ? (code as ExportErrorCode) : "EXPORT_FAILED";
}
