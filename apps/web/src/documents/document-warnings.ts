import { documentWarningMessages } from "@vitae/contracts";

/** A document warning as the API sends it (`DocumentSummary.warnings`). */
export interface DocumentWarningInput {
  code: string;
  message: string;
  excerpt: string;
}

/** One warning ready to show: the sentence and the quoted excerpt, clamped. */
export interface WarningItem {
  key: string;
  code: string;
  sentence: string;
  excerpt: string;
}

// The server keeps up to 200 characters; a row in a table has room for a line or two, so less is quoted.
export const excerptMaxChars = 140;

const fallbackSentence = "Part of this document was left out of the profile.";

/**
 * The excerpt as one line of at most `max` characters (code points, so a surrogate pair is never cut in
 * half), ending with "…" when it was cut. Line breaks collapse: the quote is about the words, not layout.
 */
export function clampExcerpt(text: string, max = excerptMaxChars): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  return `${chars
    .slice(0, max - 1)
    .join("")
    .trimEnd()}…`;
}

/** The contract's sentence for a known code, else the server's message, else a generic one. */
export function warningSentence(code: string, serverMessage: string): string {
  if (Object.hasOwn(documentWarningMessages, code)) {
    return documentWarningMessages[code as keyof typeof documentWarningMessages];
  }
  return serverMessage.trim() !== "" ? serverMessage : fallbackSentence;
}

/** The warnings to list, in the server's order, each with a key unique within the list. */
export function warningItems(warnings: readonly DocumentWarningInput[] | null | undefined): WarningItem[] {
  return (warnings ?? []).map((warning, index) => ({
    key: `${index}-${warning.code}`,
    code: warning.code,
    sentence: warningSentence(warning.code, warning.message),
    excerpt: clampExcerpt(warning.excerpt),
  }));
}

/** The list's heading: says how many notes there are, in words. */
export function warningsHeading(count: number): string {
  return count === 1 ? "1 note about this résumé" : `${count} notes about this résumé`;
}
