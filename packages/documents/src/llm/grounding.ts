import { parseOneDate } from "../parse/dates";
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

const dateToken =
  /(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+'?(?:19|20)\d\d|(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])(?!\d)|(?:0?[1-9]|1[0-2])[/.](?:19|20)\d\d|(?<!\d)(?:19|20)\d\d(?!\d)/giu;
const presentWord = /\b(?:present|current(?:ly)?|now|today|to date|ongoing)\b/i;

/** What a source text can support: its match form and every year-month it writes. */
export interface SourceFacts {
  words: WordSequenceIndex;
  yearMonths: ReadonlySet<string>;
  mentionsPresent: boolean;
}

export function sourceFactsOf(text: string): SourceFacts {
  const yearMonths = new Set<string>();
  for (const token of text.match(dateToken) ?? []) {
    const parsed = parseOneDate(token);
    if (parsed !== null) yearMonths.add(parsed);
  }
  return {
    words: new WordSequenceIndex(matchWords(text)),
    yearMonths,
    mentionsPresent: presentWord.test(text),
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
