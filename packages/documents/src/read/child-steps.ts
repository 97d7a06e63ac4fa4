// Runs inside the extraction child (loaded by extract-child.mjs through tsx's API), never in the host:
// decoding, normalising, screening and parsing a hostile text is CPU work that grows with the file, and
// the child's kill timer, heap limit and RSS watchdog bound it without stalling anyone else.
import { technologyNames } from "@vitae/taxonomy";
import { decodeStrictUtf8 } from "../detect/text-content";
import { DocumentError, type DocumentWarning } from "../errors";
import { hasMeaningfulText, normalizeExtractedText } from "../extract/normalize-text";
import { defaultLlmInputChars } from "../llm/resume-prompt";
import { parseResumeHeuristic } from "../parse/parse-resume-heuristic";
import type { Profile } from "../profile";
import { removeInstructionLines, removeInstructionValues, WarningList } from "../screen/instructions";

/** What the child's read step answers (validated again by the host, see read-resume.ts). */
export interface ReadStepResult {
  text: string;
  warnings: DocumentWarning[];
  heuristic: { profile: Profile; warnings: DocumentWarning[] };
  mentionedTechnologies: string[];
}

/** TXT/MD bytes → text: strict UTF-8 (`NOT_UTF8`) and at most `maxTextChars` (`EXTRACTION_LIMIT`). */
export function decodeText(bytes: Uint8Array, maxTextChars: number): string {
  const verdict = decodeStrictUtf8(bytes);
  if (!verdict.ok) throw new DocumentError("NOT_UTF8", undefined, { cause: new Error(verdict.reason) });
  if (verdict.text.length > maxTextChars) throw new DocumentError("EXTRACTION_LIMIT");
  return verdict.text;
}

/**
 * Extracted text → normalised text without instruction lines, and the heuristic profile of it. Throws
 * `DocumentError("NO_TEXT")` when nothing meaningful is left.
 */
export function readResumeText(raw: string): ReadStepResult {
  const normalised = normalizeExtractedText(raw);
  if (!hasMeaningfulText(normalised)) throw new DocumentError("NO_TEXT");
  const warnings = new WarningList();
  const text = removeInstructionLines(normalised, warnings);
  const profileWarnings = new WarningList();
  const profile = removeInstructionValues(parseResumeHeuristic(text), profileWarnings);
  return {
    text,
    warnings: warnings.items,
    heuristic: { profile, warnings: profileWarnings.items },
    // What an LLM parse reads by default: the taxonomy scan is costly, so it covers no more.
    mentionedTechnologies: technologyNames(text.slice(0, defaultLlmInputChars)),
  };
}
