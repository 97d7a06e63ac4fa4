// A better break may shorten a line to this share of the width, no more.
const minFill = 0.55;

const continues = (word: string) => /^[\p{Ll}\d(&]/u.test(word);

/**
 * Greedy word wrap that prefers breaks after which the next line starts with a lowercase letter, a
 * digit, "(" or "&". Text extraction loses the indent of a wrapped bullet, and readers (ours included)
 * take a capitalised line after "2 bn." for a new entry; a line that starts in lowercase reads as a
 * continuation and keeps the bullet whole. Falls back to the plain greedy break.
 */
export function wrapLines(text: string, width: number, measure: (text: string) => number): string[] {
  const words = text.split(" ").filter((word) => word !== "");
  const lines: string[] = [];
  let start = 0;
  while (start < words.length) {
    let end = start + 1;
    while (end < words.length && measure(words.slice(start, end + 1).join(" ")) <= width) end += 1;
    if (end < words.length && !continues(words[end] ?? "")) {
      for (let candidate = end - 1; candidate > start; candidate -= 1) {
        if (measure(words.slice(start, candidate).join(" ")) < width * minFill) break;
        if (continues(words[candidate] ?? "")) {
          end = candidate;
          break;
        }
      }
    }
    lines.push(words.slice(start, end).join(" "));
    start = end;
  }
  return lines;
}
