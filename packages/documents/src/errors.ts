/**
 * The closed list of document error codes (docs/documents-contracts.md). A failed document stores one
 * of these as its `errorCode`; clients switch on the strings, so they never change meaning once shipped.
 * Zod-free and Node-free: the web app may import `@vitae/documents/errors`.
 */
export const documentErrorCodes = [
  "EMPTY_FILE",
  "FILE_TOO_LARGE",
  "UNSUPPORTED_TYPE",
  "TYPE_MISMATCH",
  "LEGACY_DOC",
  "POLYGLOT",
  "EXECUTABLE",
  "ZIP_BOMB",
  "MALFORMED_FILE",
  "ENCRYPTED_PDF",
  "NOT_UTF8",
  "NO_TEXT",
  "EXTRACTION_TIMEOUT",
  "EXTRACTION_LIMIT",
  "PARSE_FAILED",
  "STORAGE_MISSING",
] as const;

export type DocumentErrorCode = (typeof documentErrorCodes)[number];

/** Plain-words default message per code, safe to show to the document's owner. */
export const documentErrorMessages: Readonly<Record<DocumentErrorCode, string>> = Object.freeze({
  EMPTY_FILE: "The file is empty.",
  FILE_TOO_LARGE: "The file is larger than your plan allows.",
  UNSUPPORTED_TYPE: "Upload a PDF, DOCX, Markdown or plain-text file.",
  TYPE_MISMATCH: "The file's content does not match its name or declared type.",
  LEGACY_DOC: "Old Word (.doc) files are not supported; save it as .docx or PDF.",
  POLYGLOT: "The file mixes several formats and was refused for safety.",
  EXECUTABLE: "The file is a program, not a document.",
  ZIP_BOMB: "The document expands to an unreasonable size and was refused.",
  MALFORMED_FILE: "The file is damaged or incomplete.",
  ENCRYPTED_PDF: "The PDF is password-protected; upload an unprotected copy.",
  NOT_UTF8: "Text files must be UTF-8 encoded.",
  NO_TEXT: "No text could be found (a scanned image?); upload a PDF with selectable text.",
  EXTRACTION_TIMEOUT: "Reading the document took too long.",
  EXTRACTION_LIMIT: "The document needs more resources to read than allowed.",
  PARSE_FAILED: "The document's content could not be understood.",
  STORAGE_MISSING: "The uploaded file was not found.",
});

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

/**
 * The closed list of document warning codes: a `ready` document may carry warnings about content that
 * was left out of its profile. `PROMPT_INJECTION`: text that reads as instructions to an AI model.
 */
export const documentWarningCodes = ["PROMPT_INJECTION"] as const;

export type DocumentWarningCode = (typeof documentWarningCodes)[number];

/** Plain-words message per warning code, safe to show to the document's owner. */
export const documentWarningMessages: Readonly<Record<DocumentWarningCode, string>> = Object.freeze({
  PROMPT_INJECTION: "Text that reads as instructions to an AI was left out of the profile.",
});

/** Something ingestion left out of the profile, with the text it concerns (at most 200 characters). */
export interface DocumentWarning {
  code: DocumentWarningCode;
  excerpt: string;
}
