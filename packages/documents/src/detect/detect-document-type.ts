import { fileTypeFromBuffer } from "file-type";
import { type DocxLimits, inspectDocx } from "../docx/inspect-docx";
import { DocumentError } from "../errors";
import { pdfPolyglotReason, zipPolyglotReason } from "./polyglot";
import { isExecutable, isOleCompoundFile, isZip, pdfHeaderOffset } from "./signatures";
import { decodeStrictUtf8 } from "./text-content";

/** The formats the pipeline reads. */
export type DocumentKind = "pdf" | "docx" | "md" | "txt";

export interface DetectedDocument {
  kind: DocumentKind;
  /** The canonical MIME type of `kind` (never the client's). */
  mime: string;
}

export interface DetectOptions {
  /** The uploaded file name; only its extension is used, and only to refuse a mismatch. */
  filename?: string | null;
  /** The client's declared MIME type; a specific supported type that contradicts the content is refused. */
  declaredType?: string | null;
  /** Largest accepted size in bytes (default 25 MiB, the pro plan's cap). */
  maxBytes?: number;
  /** Zip-bomb limits for DOCX (see `inspectDocx`). */
  docxLimits?: Partial<DocxLimits>;
}

export const documentMimeTypes: Readonly<Record<DocumentKind, string>> = Object.freeze({
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown",
  txt: "text/plain",
});

const kindByExtension: Readonly<Record<string, DocumentKind>> = {
  pdf: "pdf",
  docx: "docx",
  md: "md",
  markdown: "md",
  txt: "txt",
  text: "txt",
};

const kindByMime: Readonly<Record<string, DocumentKind>> = {
  "application/pdf": "pdf",
  "application/x-pdf": "pdf",
  [documentMimeTypes.docx]: "docx",
  "text/markdown": "md",
  "text/x-markdown": "md",
  "text/plain": "txt",
};

const defaultMaxBytes = 25 * 1024 * 1024;

/** "none" (no extension), a supported kind, or "other" (an extension we do not read). */
function claimedKind(filename: string | null | undefined): DocumentKind | "none" | "other" {
  const base = (filename ?? "").trim().split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  if (dot <= 0 || dot === base.length - 1) return "none";
  return kindByExtension[base.slice(dot + 1).toLowerCase()] ?? "other";
}

const isText = (kind: DocumentKind | "none" | "other") => kind === "md" || kind === "txt";

function compatible(detected: DocumentKind, claimed: DocumentKind | "none" | "other"): boolean {
  if (claimed === "none") return true;
  if (claimed === "other") return false;
  return detected === claimed || (isText(detected) && isText(claimed));
}

function checkClaims(detected: DocumentKind, options: DetectOptions): DetectedDocument {
  const byName = claimedKind(options.filename);
  if (!compatible(detected, byName)) {
    throw new DocumentError(
      "TYPE_MISMATCH",
      `The file's content is ${detected.toUpperCase()}, but its name says otherwise.`,
    );
  }
  const declared = options.declaredType?.split(";")[0]?.trim().toLowerCase() ?? "";
  // Generic or unknown declared types (application/octet-stream, "") say nothing; a specific one must agree.
  const byMime = kindByMime[declared];
  if (byMime !== undefined && !compatible(detected, byMime)) {
    throw new DocumentError(
      "TYPE_MISMATCH",
      `The file's content is ${detected.toUpperCase()}, but it was declared as ${declared}.`,
    );
  }
  // Among text kinds, the name decides between Markdown and plain text.
  const kind = isText(detected) ? (byName === "md" ? "md" : byName === "txt" ? "txt" : detected) : detected;
  return { kind, mime: documentMimeTypes[kind] };
}

function refuseOtherFormat(options: DetectOptions, what: string): never {
  const claimed = claimedKind(options.filename);
  if (claimed !== "none" && claimed !== "other") {
    throw new DocumentError(
      "TYPE_MISMATCH",
      `The file is named as ${claimed.toUpperCase()} but its content is ${what}.`,
    );
  }
  throw new DocumentError("UNSUPPORTED_TYPE");
}

/**
 * Decides what an upload is from its bytes — never from its name or the client's MIME type, which are
 * only checked for consistency. Order matters: size, then the dangerous verdicts (executable, legacy
 * OLE, polyglot, zip bomb), then format, then consistency with the name and declared type.
 *
 * Throws `DocumentError` with `EMPTY_FILE`, `FILE_TOO_LARGE`, `EXECUTABLE`, `LEGACY_DOC`, `POLYGLOT`,
 * `ZIP_BOMB`, `MALFORMED_FILE`, `NOT_UTF8`, `TYPE_MISMATCH` or `UNSUPPORTED_TYPE`. Safe on hostile
 * input: nothing is decompressed or parsed beyond magic bytes and the zip central directory.
 */
export async function detectDocumentType(
  bytes: Uint8Array,
  options: DetectOptions = {},
): Promise<DetectedDocument> {
  if (bytes.length === 0) throw new DocumentError("EMPTY_FILE");
  if (bytes.length > (options.maxBytes ?? defaultMaxBytes)) throw new DocumentError("FILE_TOO_LARGE");
  if (isExecutable(bytes)) throw new DocumentError("EXECUTABLE");
  if (isOleCompoundFile(bytes)) throw new DocumentError("LEGACY_DOC");

  const pdfOffset = pdfHeaderOffset(bytes);
  if (pdfOffset > 0)
    throw new DocumentError("POLYGLOT", undefined, { cause: new Error(`%PDF- at offset ${pdfOffset}`) });
  const magic = await fileTypeFromBuffer(bytes);

  if (pdfOffset === 0) {
    const reason = pdfPolyglotReason(bytes);
    if (reason !== null) throw new DocumentError("POLYGLOT", undefined, { cause: new Error(reason) });
    return checkClaims("pdf", options);
  }
  if (isZip(bytes)) {
    const reason = zipPolyglotReason(bytes);
    if (reason !== null) throw new DocumentError("POLYGLOT", undefined, { cause: new Error(reason) });
    const inspection = await inspectDocx(bytes, options.docxLimits);
    if (!inspection.isDocx) refuseOtherFormat(options, `a ${magic?.ext ?? "zip"} archive`);
    return checkClaims("docx", options);
  }

  // Text before the magic-byte verdict: file-type's weakest signatures ("BM" for bitmaps, "ID3") also
  // match ordinary prose, and a clean UTF-8 document is text whatever its first bytes spell.
  const verdict = decodeStrictUtf8(bytes);
  if (verdict.ok) {
    if (verdict.text.trim() === "") throw new DocumentError("EMPTY_FILE");
    return checkClaims("txt", options);
  }
  if (magic !== undefined) refuseOtherFormat(options, magic.ext.toUpperCase());
  if (isText(claimedKind(options.filename)) || verdict.reason === "utf16") {
    throw new DocumentError("NOT_UTF8", undefined, { cause: new Error(verdict.reason) });
  }
  refuseOtherFormat(options, "unrecognised binary data");
}
