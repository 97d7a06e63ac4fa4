/**
 * Finds where a field of a parsed profile came from in the text read from its document. The parser keeps
 * no positions (ADR 0023), so a field is located by its words: a line is the field's source when most of
 * the line's words are in the field (a role's heading line, a bullet), or, for a short field (a skill, a
 * name), when all of the field's words are on the line.
 */

/** Lower-cased letters-and-digits words of `text` ("Node.js" → "node", "js"). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

// A line counts as the field's when this share of its words are the field's words.
const lineCoverage = 0.6;
// Up to this many words, a field is "short" and is found inside longer lines.
const shortFieldWords = 6;

/** Indexes of the lines of `lines` that `field` (its visible text) came from; none when nothing fits. */
export function locateLines(lines: readonly string[], field: string): number[] {
  const fieldWords = wordsOf(field);
  if (fieldWords.length === 0) return [];
  const fieldSet = new Set(fieldWords);
  const found: number[] = [];
  lines.forEach((line, index) => {
    const lineWords = wordsOf(line);
    if (lineWords.length === 0) return;
    const covered = lineWords.filter((word) => fieldSet.has(word)).length;
    const isCovered = lineWords.length >= 2 && covered / lineWords.length >= lineCoverage;
    const lineSet = new Set(lineWords);
    const holdsField = fieldWords.length <= shortFieldWords && fieldWords.every((word) => lineSet.has(word));
    if (isCovered || holdsField) found.push(index);
  });
  return found;
}
