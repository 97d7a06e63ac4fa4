import { type DocumentErrorCode, documentErrorCodes } from "@vitae/documents/errors";

/**
 * The closed code list comes from `@vitae/documents/errors` (pure constants, safe in the browser), so a
 * new code without a sentence here fails to compile. A code this build does not know still gets a
 * sentence (the server's own message, else a generic one), never a blank.
 */
export { type DocumentErrorCode, documentErrorCodes };

const uploadAgain = "Upload a PDF, DOCX, Markdown or plain-text file.";

/** One plain sentence (or two) per code: what went wrong and what the user can do about it. */
export const documentErrorSentences: Record<DocumentErrorCode, string> = {
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
};

export function isDocumentErrorCode(code: unknown): code is DocumentErrorCode {
  return typeof code === "string" && (documentErrorCodes as readonly string[]).includes(code);
}

const genericFailure = "This document could not be processed. Try uploading it again.";

/** The sentence to show for a failed document: ours for a known code, else the server's message. */
export function documentErrorSentence(
  code: string | null | undefined,
  serverMessage?: string | null,
): string {
  if (isDocumentErrorCode(code)) return documentErrorSentences[code];
  return serverMessage !== null && serverMessage !== undefined && serverMessage.trim() !== ""
    ? serverMessage
    : genericFailure;
}
