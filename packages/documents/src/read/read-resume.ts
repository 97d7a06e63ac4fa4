import { z } from "zod";
import type { DocumentKind } from "../detect/detect-document-type";
import { inspectDocx } from "../docx/inspect-docx";
import { type DocumentWarning, documentWarningCodes } from "../errors";
import {
  childLimitsOf,
  type ExtractedText,
  type ExtractOptions,
  throwChildFailure,
} from "../extract/extract-text";
import { runExtractionChild } from "../extract/run-child";
import { type Profile, profileSchema } from "../profile";
import { maxDocumentWarnings } from "../screen/instructions";

/** A résumé read in the sandbox: its text, the heuristic profile, and what was left out. */
export interface ReadResume extends ExtractedText {
  /**
   * Normalised text without the lines that read as instructions to an AI model. This is what an LLM
   * parser must read and be grounded against, and what may be stored.
   */
  text: string;
  /** The lines left out of `text` (`PROMPT_INJECTION`), at most 20. */
  warnings: DocumentWarning[];
  /** The heuristic parser's profile of `text`, and the values it left out of it. */
  heuristic: { profile: Profile; warnings: DocumentWarning[] };
  /** Canonical technologies `text` mentions, for grounding an LLM parse (`mentionedTechnologies`). */
  mentionedTechnologies: string[];
}

const warningsSchema = z
  .array(z.object({ code: z.enum(documentWarningCodes), excerpt: z.string().max(200) }))
  .max(maxDocumentWarnings);

// The child parsed hostile input: its answer crosses a process boundary and is checked like any input.
const answerSchema = z.object({
  text: z.string(),
  pages: z.number().int().nonnegative().optional(),
  warnings: warningsSchema,
  heuristic: z.object({ profile: profileSchema, warnings: warningsSchema }),
  mentionedTechnologies: z.array(z.string().max(100)).max(10_000),
});

/**
 * Extracts, screens and parses a detected résumé in one run of the sandboxed child (every kind, TXT/MD
 * included), under the limits of {@link ExtractOptions}: the host's event loop only waits. In the child:
 * extraction, normalisation, removal of lines that read as instructions to an AI model (reported as
 * `warnings`), and the heuristic parser (`heuristic`). Throws what `extractText` throws; a child killed
 * by its timer while parsing is `EXTRACTION_TIMEOUT`.
 */
export async function readResume(
  bytes: Uint8Array,
  kind: DocumentKind,
  options: ExtractOptions,
): Promise<ReadResume> {
  const limits = childLimitsOf(options);
  if (kind === "docx") await inspectDocx(bytes, { maxUncompressedBytes: limits.maxUncompressedBytes });
  const outcome = await runExtractionChild(
    { kind, bytes, limits, parse: true },
    {
      timeoutMs: options.timeoutMs,
      maxMemoryMb: options.maxMemoryMb,
      signal: options.signal,
      pool: options.pool,
    },
  );
  if (!outcome.ok) throwChildFailure(outcome);
  const answer = answerSchema.safeParse(outcome);
  if (!answer.success) throwChildFailure({ ok: false, code: "PARSE_FAILED", detail: answer.error.message });
  const { pages, ...read } = answer.data;
  return { ...read, peakRssBytes: outcome.peakRssKb * 1024, ...(pages === undefined ? {} : { pages }) };
}
