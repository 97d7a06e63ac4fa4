import { type DocumentErrorCode, documentErrorMessages } from "@vitae/contracts";

/**
 * Client-side checks before an upload starts, so an obviously wrong file fails at once instead of after
 * a round trip. They look at the name and size only; the server re-checks the actual bytes (magic
 * numbers, DOCX structure, polyglots), which is what decides.
 */

/** The kinds the server accepts, by extension, with the content type we declare for each. */
export const acceptedTypes = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown",
  txt: "text/plain",
} as const;
export type AcceptedExtension = keyof typeof acceptedTypes;

/** For the file picker's `accept` attribute: extensions and MIME types both, as browsers differ. */
export const acceptAttribute = [
  ...Object.keys(acceptedTypes).map((extension) => `.${extension}`),
  ".markdown",
  ...Object.values(acceptedTypes),
].join(",");

/** Upload caps per plan (contract defaults of `UPLOAD_MAX_BYTES_FREE` / `_PRO`); unknown plans get free's. */
const freeMaxBytes = 5_242_880;
export const uploadMaxBytesByPlan: Readonly<Record<string, number>> = { free: freeMaxBytes, pro: 26_214_400 };

export function uploadMaxBytesFor(plan: string | null | undefined): number {
  return uploadMaxBytesByPlan[plan ?? "free"] ?? freeMaxBytes;
}

/** Longest file name we send; the server stores it for display and the download's file name. */
export const maxFilenameLength = 255;

export type FileCheck =
  | { isValid: true; extension: AcceptedExtension; contentType: (typeof acceptedTypes)[AcceptedExtension] }
  | { isValid: false; code: DocumentErrorCode | "NAME_TOO_LONG"; message: string };

/** The lower-cased extension after the last dot, or "" when the name has none. */
export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot <= 0 || dot === filename.length - 1 ? "" : filename.slice(dot + 1).toLowerCase();
}

function normaliseExtension(extension: string): AcceptedExtension | null {
  if (extension === "markdown") return "md";
  return extension in acceptedTypes ? (extension as AcceptedExtension) : null;
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
}

/** Whether a file (its name and size) may be uploaded under a `maxBytes` cap, and why not. */
export function checkFile(file: { name: string; size: number }, maxBytes: number): FileCheck {
  const extension = extensionOf(file.name);
  if (extension === "doc") {
    return { isValid: false, code: "LEGACY_DOC", message: documentErrorMessages.LEGACY_DOC };
  }
  const accepted = normaliseExtension(extension);
  if (accepted === null) {
    return {
      isValid: false,
      code: "UNSUPPORTED_TYPE",
      message:
        extension === ""
          ? "This file has no extension, so we cannot tell what it is. Upload a .pdf, .docx, .md or .txt file."
          : `.${extension} files are not supported. Upload a .pdf, .docx, .md or .txt file.`,
    };
  }
  if (file.size === 0)
    return { isValid: false, code: "EMPTY_FILE", message: documentErrorMessages.EMPTY_FILE };
  if (file.size > maxBytes) {
    return {
      isValid: false,
      code: "FILE_TOO_LARGE",
      message: `This file is ${formatMegabytes(file.size)}; your plan accepts files up to ${formatMegabytes(maxBytes)}. Upload a smaller file.`,
    };
  }
  if (file.name.length > maxFilenameLength) {
    return {
      isValid: false,
      code: "NAME_TOO_LONG",
      message: `The file name is longer than ${maxFilenameLength} characters. Rename the file and try again.`,
    };
  }
  return { isValid: true, extension: accepted, contentType: acceptedTypes[accepted] };
}
