import type { DocumentKind } from "../detect/detect-document-type";
import { decodeStrictUtf8 } from "../detect/text-content";
import { inspectDocx } from "../docx/inspect-docx";
import { DocumentError, type DocumentErrorCode, documentErrorCodes } from "../errors";
import type { ExtractionPool } from "./child-pool";
import { hasMeaningfulText, normalizeExtractedText } from "./normalize-text";
import { type ChildOutcome, type ChildRequest, runExtractionChild } from "./run-child";

export interface ExtractOptions {
  /** The child is killed after this long (`EXTRACTION_TIMEOUT_MS`, default 20000 in config). */
  timeoutMs: number;
  /** The child's V8 heap limit; its resident memory is capped at 2 × this + 64 MiB (`EXTRACTION_MAX_MEMORY_MB`). */
  maxMemoryMb: number;
  /** Most PDF pages read (default 50). */
  maxPages?: number;
  /** Most characters of text kept (default 500,000 — about 150 dense pages). */
  maxTextChars?: number;
  /** Most bytes a DOCX may actually inflate to (default 100 MiB). */
  maxUncompressedBytes?: number;
  /** Kills the child and rejects with the signal's reason (graceful shutdown). */
  signal?: AbortSignal;
  /**
   * Reuse the children of this pool (`createExtractionPool`) instead of forking one per document; every
   * limit above still holds per document. Without it, the child has exited when the call settles.
   */
  pool?: ExtractionPool;
}

export interface ExtractedText {
  /** Normalised text: `\n` line ends, no invisible characters, at most one blank line in a row. */
  text: string;
  /** Page count (PDF only). */
  pages?: number;
  /** Peak resident memory of the extraction child (`process.resourceUsage().maxRSS`); absent for TXT/MD. */
  peakRssBytes?: number;
}

/**
 * Extracts the text of a detected document. PDF (pdf.js via unpdf) and DOCX (mammoth) are parsed in a
 * forked child process with a heap limit, a resident-memory watchdog, a kill timer and an empty
 * environment; TXT/MD are decoded in-process (strict UTF-8 decoding is safe and cheap).
 *
 * Throws `DocumentError`: `ENCRYPTED_PDF`, `MALFORMED_FILE`, `ZIP_BOMB`, `NOT_UTF8`, `NO_TEXT` (nothing
 * meaningful — a scanned PDF), `EXTRACTION_TIMEOUT`, `EXTRACTION_LIMIT` (memory, pages or text length),
 * `PARSE_FAILED` (the child died for another reason). A failure to start the child is a plain `Error`
 * (infrastructure, retryable). Without `options.pool`, the child has always exited when the promise settles.
 */
export async function extractText(
  bytes: Uint8Array,
  kind: DocumentKind,
  options: ExtractOptions,
): Promise<ExtractedText> {
  const limits = childLimitsOf(options);
  if (kind === "md" || kind === "txt") {
    const verdict = decodeStrictUtf8(bytes);
    if (!verdict.ok) throw new DocumentError("NOT_UTF8", undefined, { cause: new Error(verdict.reason) });
    if (verdict.text.length > limits.maxTextChars) throw new DocumentError("EXTRACTION_LIMIT");
    return finish(verdict.text, {});
  }
  if (kind === "docx") await inspectDocx(bytes, { maxUncompressedBytes: limits.maxUncompressedBytes });
  const outcome = await runExtractionChild(
    { kind, bytes, limits, parse: false },
    {
      timeoutMs: options.timeoutMs,
      maxMemoryMb: options.maxMemoryMb,
      signal: options.signal,
      pool: options.pool,
    },
  );
  if (!outcome.ok) throwChildFailure(outcome);
  return finish(outcome.text, {
    peakRssBytes: outcome.peakRssKb * 1024,
    ...(outcome.pages === undefined ? {} : { pages: outcome.pages }),
  });
}

/** The child's limits for these options, defaults applied. */
export function childLimitsOf(options: ExtractOptions): ChildRequest["limits"] {
  return {
    maxPages: options.maxPages ?? 50,
    maxTextChars: options.maxTextChars ?? 500_000,
    maxUncompressedBytes: options.maxUncompressedBytes ?? 100 * 1024 * 1024,
    maxRssBytes: (options.maxMemoryMb * 2 + 64) * 1024 * 1024,
  };
}

/**
 * A failed child outcome as the `DocumentError` it means (an unknown code is `PARSE_FAILED`), or a plain
 * `Error` (retryable) when the child could not load its own code (`CHILD_SETUP`).
 */
export function throwChildFailure(outcome: Extract<ChildOutcome, { ok: false }>): never {
  if (outcome.code === "CHILD_SETUP") throw new Error(`extraction child setup failed: ${outcome.detail}`);
  const code: DocumentErrorCode = (documentErrorCodes as readonly string[]).includes(outcome.code)
    ? (outcome.code as DocumentErrorCode)
    : "PARSE_FAILED";
  throw new DocumentError(code, undefined, { cause: new Error(outcome.detail) });
}

function finish(raw: string, extra: Omit<ExtractedText, "text">): ExtractedText {
  const text = normalizeExtractedText(raw);
  if (!hasMeaningfulText(text)) throw new DocumentError("NO_TEXT");
  return { text, ...extra };
}
