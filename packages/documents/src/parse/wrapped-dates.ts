import { findDateRange } from "./dates";
import type { ResumeLine } from "./lines";

// A wrapped date field is short: its second line holds the rest of one range, never a sentence.
const maxTailChars = 40;

/**
 * Rejoins a date range that a narrow column wrapped over two lines: "April 2021 – July" / "2023",
 * "03/2019 –" / "aujourd'hui", "seit September" / "2021" (a Europass dates column printed by a
 * browser, a table cell). Two lines join only when the range read across them starts on the first line
 * and takes the whole second line, and the first line has no range of its own. Linear: one pass.
 */
export function joinWrappedDateRanges(lines: readonly ResumeLine[]): ResumeLine[] {
  const out: ResumeLine[] = [];
  for (const line of lines) {
    const previous = out.at(-1);
    if (previous !== undefined && !line.isBullet && wrapsInto(previous.text, line.text)) {
      out[out.length - 1] = { ...previous, text: `${previous.text} ${line.text}` };
      continue;
    }
    out.push(line);
  }
  return out;
}

function wrapsInto(first: string, second: string): boolean {
  if (second.length > maxTailChars || findDateRange(first) !== null) return false;
  const joined = `${first} ${second}`;
  const range = findDateRange(joined);
  if (range === null || range.index >= first.length) return false;
  return joined.slice(range.index + range.length).replace(/[\s.,;:)]+/gu, "") === "";
}
