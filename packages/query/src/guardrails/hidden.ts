/**
 * Text a reader does not see: HTML comments, Markdown link-reference comments (`[//]: # (…)`), and elements
 * hidden by attribute or style. An instruction hidden there is planted, whatever its wording; a template
 * comment ("<!-- your name here -->") is not, so only hidden text that addresses a model counts.
 */

const maxSegments = 20;
const maxSegmentChars = 400;

// Words that make hidden text an instruction to a model rather than a note to an editor.
const addressesModel =
  /\b(ignore|disregard|forget|override|bypass|reveal|print|output|repeat|must|always|never|instead|instruction|instructions|prompt|system|assistant|ai|model|llm|bot|rules|guidelines|answer|reply|respond|say|rate|rank|recommend|hire|hired|pretend)\b/i;

// Openers and the closer each one needs. Plain string search (indexOf), so the scan is linear.
const openers: Array<{ open: RegExp; close: string }> = [
  { open: /<!--/g, close: "-->" },
  { open: /\[(?:\/\/|comment|hidden)\]:\s{0,4}(?:#|<>)\s{0,4}\(/gi, close: ")" },
  {
    open: /<[a-z]{1,10}\b[^<>]{0,200}?(?:\bhidden\b|display\s{0,4}:\s{0,4}none|visibility\s{0,4}:\s{0,4}hidden|font-size\s{0,4}:\s{0,4}0)[^<>]{0,200}>/gi,
    close: "</",
  },
];

/** The hidden parts of a text, each cut to a bounded length. Linear in the text. */
export function hiddenSegments(text: string): string[] {
  const segments: string[] = [];
  for (const { open, close } of openers) {
    open.lastIndex = 0;
    for (let match = open.exec(text); match && segments.length < maxSegments; match = open.exec(text)) {
      const start = match.index + match[0].length;
      const end = text.indexOf(close, start);
      segments.push(
        text.slice(start, end === -1 ? start + maxSegmentChars : Math.min(end, start + maxSegmentChars)),
      );
      open.lastIndex = end === -1 ? text.length : end + close.length;
    }
  }
  return segments;
}

/** Whether a text hides an instruction to a model in a comment or a hidden element. */
export function hidesInstruction(text: string): boolean {
  return hiddenSegments(text).some((segment) => addressesModel.test(segment));
}
