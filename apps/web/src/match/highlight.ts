/**
 * Cuts a posting's text into segments at every requirement span boundary, so each requirement can be
 * highlighted where it came from even when spans overlap (a technology inside a duty's clause) or touch.
 */

/** Anything with a `[start, end)` UTF-16 span into the text (a requirement of `postings.byId`). */
export interface Spanned {
  id: string;
  span: { start: number; end: number };
}

/** A run of text covered by exactly the same requirements from start to end. */
export interface TextSegment {
  start: number;
  end: number;
  text: string;
  /** Requirements covering the whole segment, in the order given; empty for plain text. */
  ids: string[];
  /** Requirements whose span begins here (the element that anchors each requirement). */
  startingIds: string[];
  /** Requirements whose span ends here (where a requirement's kind label goes). */
  endingIds: string[];
}

/** A span the text can show: whole numbers with `0 ≤ start < end ≤ length`. Anything else is ignored. */
export function isUsableSpan(span: { start: number; end: number }, length: number): boolean {
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start < span.end &&
    span.end <= length
  );
}

/**
 * The segments of `text`, in order and covering it exactly once. Requirements whose span is out of range
 * or empty are left out (the text is what was pasted; a bad offset must not break or shift the view).
 */
export function highlightSegments(text: string, items: readonly Spanned[]): TextSegment[] {
  if (text.length === 0) return [];
  const usable = items.filter((item) => isUsableSpan(item.span, text.length));
  const cuts = new Set<number>([0, text.length]);
  for (const item of usable) {
    cuts.add(item.span.start);
    cuts.add(item.span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let index = 0; index < points.length - 1; index += 1) {
    const start = points[index] ?? 0;
    const end = points[index + 1] ?? text.length;
    const covering = usable.filter((item) => item.span.start <= start && item.span.end >= end);
    segments.push({
      start,
      end,
      text: text.slice(start, end),
      ids: covering.map((item) => item.id),
      startingIds: covering.filter((item) => item.span.start === start).map((item) => item.id),
      endingIds: covering.filter((item) => item.span.end === end).map((item) => item.id),
    });
  }
  return segments;
}
