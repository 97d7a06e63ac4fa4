import type { Source } from "./contract";

export type AnswerSegment =
  | { type: "text"; text: string }
  /** `number` is the cited source's 1-based position in the sources list. */
  | { type: "citation"; factId: string; number: number };

// Fact ids are UUIDs, or `<profileId>:summary` / `<profileId>:contact` (see @vitae/query).
const citationPattern = /\s*\[([0-9a-fA-F-]{8,}(?::[a-z]+)?)\]/g;
// While streaming, a citation may be cut in half ("… Health [3f2a"): hide the fragment until it closes.
const openCitationPattern = /\s*\[[0-9a-fA-F:a-z-]*$/;

/**
 * Splits an answer into text and citation markers. Answers carry plain text and each source the spans it
 * supports: a numbered reference goes at the end of each span. Transcripts stored before spans existed
 * cite as `[id]` in the text: citations of listed sources become numbered references; any other `[id]`
 * (a source not listed yet, mid-stream) is dropped rather than shown raw. The space before a citation
 * goes too, so "Brightline Health [id]." reads "Brightline Health¹.".
 */
export function answerSegments(answer: string, sources: readonly Source[]): AnswerSegment[] {
  const numbers = new Map<string, number>();
  sources.forEach((source, index) => {
    if (!numbers.has(source.factId)) numbers.set(source.factId, index + 1);
  });
  if (sources.some((source) => source.spans && source.spans.length > 0)) {
    return spanSegments(answer, sources, numbers);
  }
  const text = answer.replace(openCitationPattern, "");
  const segments: AnswerSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(citationPattern)) {
    const start = match.index;
    if (start > last) segments.push({ type: "text", text: text.slice(last, start) });
    const factId = match[1] ?? "";
    const number = numbers.get(factId);
    if (number !== undefined) segments.push({ type: "citation", factId, number });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ type: "text", text: text.slice(last) });
  return mergeText(segments);
}

function spanSegments(
  answer: string,
  sources: readonly Source[],
  numbers: ReadonlyMap<string, number>,
): AnswerSegment[] {
  const marks: Array<{ at: number; factId: string; number: number }> = [];
  for (const source of uniqueSources(sources)) {
    const number = numbers.get(source.factId) ?? 0;
    for (const span of source.spans ?? []) {
      if (span.end >= 0 && span.end <= answer.length)
        marks.push({ at: span.end, factId: source.factId, number });
    }
  }
  marks.sort((a, b) => a.at - b.at || a.number - b.number);
  const segments: AnswerSegment[] = [];
  let last = 0;
  const placed = new Set<string>();
  for (const mark of marks) {
    const key = `${mark.at}:${mark.factId}`;
    if (placed.has(key)) continue;
    placed.add(key);
    if (mark.at > last) segments.push({ type: "text", text: answer.slice(last, mark.at) });
    segments.push({ type: "citation", factId: mark.factId, number: mark.number });
    last = Math.max(last, mark.at);
  }
  if (last < answer.length) segments.push({ type: "text", text: answer.slice(last) });
  return mergeText(segments);
}

function mergeText(segments: AnswerSegment[]): AnswerSegment[] {
  const merged: AnswerSegment[] = [];
  for (const segment of segments) {
    const previous = merged.at(-1);
    if (segment.type === "text" && previous?.type === "text") previous.text += segment.text;
    else merged.push(segment.type === "text" ? { ...segment } : segment);
  }
  return merged;
}

/** The answer without citation markers, e.g. for copying or an announcement. */
export function plainAnswer(answer: string): string {
  return answerSegments(answer, [])
    .map((segment) => (segment.type === "text" ? segment.text : ""))
    .join("");
}

/** Sources in the order given, each fact once. */
export function uniqueSources(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((source) => {
    if (seen.has(source.factId)) return false;
    seen.add(source.factId);
    return true;
  });
}
