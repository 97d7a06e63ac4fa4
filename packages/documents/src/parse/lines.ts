/** One non-empty line of a résumé after Markdown and bullet clean-up. */
export interface ResumeLine {
  text: string;
  isBullet: boolean;
  /** Was a Markdown heading (`#`, `##`, …) or a setext-underlined line. */
  isMarkdownHeading: boolean;
}

const bulletPrefix = /^(?:[•▪●◦‣∙·■□➢➤►▶✓✔*+-]|\d{1,2}[.)])\s+/u;
const markdownHeading = /^#{1,6}\s+/;
const horizontalRule = /^(?:[-*_=]\s*){3,}$/;
// No résumé line is longer; the cap keeps every later regex (contact, dates, taxonomy) linear in practice
// on hostile input such as one 500,000-character line.
const maxLineChars = 1000;

// Markdown links become "text (url)" so the URL survives for contact and project links. Each bracketed
// part excludes its own opening character, so a scan stops at the next opener instead of running to the
// end of the line from every opener ("![![![…" would be quadratic).
function stripInlineMarkdown(text: string): string {
  return text
    .replace(/!\[[^[\]]*\]\([^()]*\)/g, "")
    .replace(/\[([^[\]]+)\]\(([^()\s]+)\)/g, (_, label: string, url: string) =>
      label === url ? url : `${label} (${url})`,
    )
    .replace(/<(https?:\/\/[^<>\s]+)>/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, "$1");
}

/** Splits text into cleaned, non-empty lines, marking bullets and Markdown headings. */
export function toResumeLines(text: string): ResumeLine[] {
  const lines: ResumeLine[] = [];
  // PDF producers break long words and URLs after a hyphen ("ledger-" / "lite"): rejoin them.
  const joined = text.replace(/(\p{L})-\n(?=\p{Ll})/gu, "$1-");
  for (const rawLine of joined.split("\n")) {
    let line = rawLine.slice(0, maxLineChars).trim();
    if (line === "") continue;
    if (horizontalRule.test(line)) {
      // A setext underline ("Experience\n==========") makes the previous line a heading.
      const previous = lines.at(-1);
      if (previous !== undefined && /^[=-]+$/.test(line.replace(/\s/g, "")))
        previous.isMarkdownHeading = true;
      continue;
    }
    const isMarkdownHeading = markdownHeading.test(line);
    line = line.replace(markdownHeading, "").replace(/^>\s*/, "");
    const isBullet = !isMarkdownHeading && bulletPrefix.test(line);
    if (isBullet) line = line.replace(bulletPrefix, "");
    line = stripInlineMarkdown(line).replace(/\s+/g, " ").trim();
    if (line !== "") lines.push({ text: line, isBullet, isMarkdownHeading });
  }
  return lines;
}
