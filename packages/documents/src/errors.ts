import { type DocumentErrorCode, documentErrorCodes, documentErrorMessages } from "@vitae/contracts";

export {
  type DocumentErrorCode,
  type DocumentWarning,
  type DocumentWarningCode,
  documentErrorCodes,
  documentErrorMessages,
  documentWarningCodes,
  documentWarningMessages,
} from "@vitae/contracts";

/**
 * Every expected failure of this package. Permanent by nature (the same bytes fail the same way), except
 * `EXTRACTION_TIMEOUT` on a loaded machine and `STORAGE_MISSING` before an upload settles — the worker
 * decides whether to retry those.
 */
export class DocumentError extends Error {
  readonly code: DocumentErrorCode;

  /** `message` is client-safe (never a path or library internals); `cause` is for logs only. */
  constructor(
    code: DocumentErrorCode,
    message: string = documentErrorMessages[code],
    options: { cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "DocumentError";
    this.code = code;
  }
}

/** True for a `DocumentError`, also one from another copy of this module (compared by shape). */
export function isDocumentError(error: unknown): error is DocumentError {
  return (
    error instanceof DocumentError ||
    (error instanceof Error &&
      error.name === "DocumentError" &&
      (documentErrorCodes as readonly string[]).includes((error as DocumentError).code))
  );
}
