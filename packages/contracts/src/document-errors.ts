/**
 * The closed list of document error codes (docs/documents-contracts.md), each with its sentence. A failed document stores one
 * of these as its `errorCode`; clients switch on the strings, so they never change meaning once shipped.
 * Browser-safe: the web app reads the sentences from here too.
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

const uploadAgain = "Upload a PDF, DOCX, Markdown or plain-text file.";

/** One plain sentence (or two) per code, shown to the document's owner: what went wrong and what to do. */
export const documentErrorMessages: Readonly<Record<DocumentErrorCode, string>> = Object.freeze({
  EMPTY_FILE: "This file is empty. Choose the file again; it may not have finished saving.",
  FILE_TOO_LARGE:
    "This file is larger than your plan allows. Upload a smaller file, or remove large images from it.",
  UNSUPPORTED_TYPE: `This kind of file is not supported. ${uploadAgain}`,
  TYPE_MISMATCH:
    "The file's contents do not match its name (for example a .pdf that is not a PDF). Export it again from the program that made it.",
  LEGACY_DOC:
    "Old Word .doc files are not supported. Open it in Word or LibreOffice and save it as .docx or PDF.",
  POLYGLOT:
    "This file looks like several file types at once, which we refuse for safety. Export it again as a plain PDF or DOCX.",
  EXECUTABLE: "This file contains a program, not a document, so it was refused.",
  ZIP_BOMB:
    "This DOCX expands to far more data than a résumé could hold, so it was refused. Save it again from Word.",
  MALFORMED_FILE:
    "This file is damaged or incomplete and could not be read. Export it again and upload the new copy.",
  ENCRYPTED_PDF:
    "This PDF is password-protected. Remove the password (print or export to a new PDF) and upload it again.",
  NOT_UTF8: "This text file is not in UTF-8 encoding. Save it as UTF-8 and upload it again.",
  NO_TEXT: "This PDF has no selectable text — it looks scanned. Upload a text-based PDF or a DOCX.",
  EXTRACTION_TIMEOUT:
    "Reading this file took too long. Try a shorter or simpler version, for example exported as PDF.",
  EXTRACTION_LIMIT:
    "This file needs more memory to read than we allow. Try a smaller version with fewer images.",
  PARSE_FAILED:
    "We read the text but could not make a profile from it. Check it is a résumé, or try another format.",
  STORAGE_MISSING: "The upload did not arrive, so there is nothing to process. Upload the file again.",
});

/** True for one of {@link documentErrorCodes}. */
export function isDocumentErrorCode(code: unknown): code is DocumentErrorCode {
  return typeof code === "string" && (documentErrorCodes as readonly string[]).includes(code);
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
