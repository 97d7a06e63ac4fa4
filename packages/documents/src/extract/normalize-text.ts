// Invisible characters that break matching and carry no meaning in a résumé (zero-width joiners, BOMs,
// soft hyphens, bidi controls), and C0 controls other than tab and line feed.
const invisible = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const controls = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Unifies line endings and spaces, drops invisible characters, trims lines, keeps at most one blank line. */
export function normalizeExtractedText(raw: string): string {
  return raw
    .replace(/\r\n?/g, "\n")
    .replace(/\f/g, "\n")
    .replace(invisible, "")
    .replace(controls, "")
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, " ")
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Whether extracted text is worth parsing: at least 30 letters in at least 5 words. A scanned PDF has
 * none, and a page of stray glyphs must not become a made-up profile.
 */
export function hasMeaningfulText(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const words = text.match(/\p{L}{2,}/gu)?.length ?? 0;
  return letters >= 30 && words >= 5;
}
