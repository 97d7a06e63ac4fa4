import type { TextSpan } from "../types";

export interface SeparatedCitations {
  /** The answer as a person would write it: no fact ids. */
  text: string;
  /** Per cited fact id, the spans of `text` it supports, in order. */
  spans: Map<string, TextSpan[]>;
}

// A citation marker, with the spaces before it ("Zalando [id]." reads "Zalando."). Bounded: at most four
// spaces and 200 id characters, so the scan stays linear however the text is built.
const marker = /[ \t]{0,4}\[([^[\]\s]{1,200})\]/g;
// Where a sentence (or a list item after a colon) ends: the cited span starts after the last one.
const boundary = /[.!?:;][ \t\n]+/g;

function lastBoundaryEnd(text: string, from: number): number {
  boundary.lastIndex = from;
  let end = -1;
  for (let match = boundary.exec(text); match; match = boundary.exec(text))
    end = match.index + match[0].length;
  return end;
}

/**
 * Takes the `[factId]` citations out of an answer and records, for each cited fact, the span of the text
 * it supports: from the start of the sentence (or list item) to the citation. Markers whose id `isFact`
 * rejects are left as written (a bracket that is not a citation, e.g. "[sic]"). Linear in the text.
 */
export function separateCitations(answer: string, isFact: (id: string) => boolean): SeparatedCitations {
  const spans = new Map<string, TextSpan[]>();
  let text = "";
  let last = 0;
  let sentenceStart = 0;
  let scanned = 0;
  for (const match of answer.matchAll(marker)) {
    const id = match[1] ?? "";
    if (!isFact(id)) continue;
    text += answer.slice(last, match.index);
    last = match.index + match[0].length;
    const end = lastBoundaryEnd(text, scanned);
    if (end >= 0 && end < text.length) sentenceStart = end;
    scanned = text.length;
    const span = { start: sentenceStart, end: text.length };
    const list = spans.get(id) ?? [];
    const previous = list.at(-1);
    if (!previous || previous.start !== span.start || previous.end !== span.end) list.push(span);
    spans.set(id, list);
  }
  text += answer.slice(last);
  return { text, spans };
}
