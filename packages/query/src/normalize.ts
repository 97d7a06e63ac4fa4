/** Longest question the pipeline reads; the rest is cut so a pasted document cannot stall the stages. */
export const maxQuestionLength = 1000;

export interface NormalizedQuestion {
  /** The question as the user meant it: NFKC, invisible characters removed, whitespace collapsed. */
  text: string;
  /** `text` lower-cased with diacritics removed, for keyword matching ("résumé" → "resume"). */
  folded: string;
  /** Word tokens of `folded`. */
  tokens: string[];
  /** True when the input held zero-width or bidi control characters (a common smuggling trick). */
  hadInvisible: boolean;
  truncated: boolean;
}

// Zero-width spaces/joiners, soft hyphen, word joiner, BOM and bidi overrides: invisible in a chat box,
// they are used to split trigger words ("ig\u200Bnore") past naive filters.
const invisible = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** The first `length` UTF-16 units of `text`, without splitting a surrogate pair. */
function cutAt(text: string, length: number): string {
  if (text.length <= length) return text;
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/**
 * Normalises a raw question. Pure; never throws. NFKC also maps full-width and mathematical letters
 * ("ｉｇｎｏｒｅ", "𝐢𝐠𝐧𝐨𝐫𝐞") to ASCII, which the guardrails rely on.
 */
export function normalizeQuestion(raw: string): NormalizedQuestion {
  const hadInvisible = invisible.test(raw);
  invisible.lastIndex = 0;
  const normalized = raw
    .slice(0, maxQuestionLength)
    .normalize("NFKC")
    .replace(invisible, "")
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
  // NFKC can expand a character up to 18-fold (U+FDFA): cut again so every later stage reads at most
  // maxQuestionLength characters, whatever the asker typed.
  const text = cutAt(normalized, maxQuestionLength);
  const truncated = raw.length > maxQuestionLength || text.length < normalized.length;
  const folded = foldText(text);
  const tokens = folded.match(/[\p{L}\p{N}+#.]+/gu)?.map((token) => token.replace(/\.+$/, "")) ?? [];
  return { text, folded, tokens: tokens.filter(Boolean), hadInvisible, truncated };
}
