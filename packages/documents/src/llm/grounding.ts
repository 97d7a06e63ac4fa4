import { writesOngoing, yearMonthsIn } from "../parse/dates";
import type { YearMonth } from "../profile";
import { WordSequenceIndex } from "./word-sequence-index";

/** The words facts are compared in: lowercase letters, digits, "+" and "#" runs (NFKC). */
export function matchWords(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}+#]+/gu) ?? []
  );
}

/** What a source text can support: its match form and every year-month it writes. */
export interface SourceFacts {
  words: WordSequenceIndex;
  yearMonths: ReadonlySet<string>;
  mentionsPresent: boolean;
}

export function sourceFactsOf(text: string): SourceFacts {
  // The heuristic parser's date grammar: what it reads, grounding accepts (five languages).
  return {
    words: new WordSequenceIndex(matchWords(text)),
    yearMonths: yearMonthsIn(text),
    mentionsPresent: writesOngoing(text),
  };
}

/**
 * Whether a phrase occurs in the source, ignoring case, punctuation and spacing, on word boundaries.
 * Linear in the phrase (the source was indexed once by {@link sourceFactsOf}).
 */
export function isInSource(facts: SourceFacts, value: string): boolean {
  return facts.words.contains(matchWords(value));
}

/** Whether the source writes this date (a "YYYY-01" is also supported by the bare year). */
export function isDateInSource(facts: SourceFacts, value: YearMonth | "present"): boolean {
  return value === "present" ? facts.mentionsPresent : facts.yearMonths.has(value);
}
