import type { ResumeLine } from "./lines";
import { headings, otherHeadings, type SectionKind } from "./section-headings";

export interface Section {
  kind: SectionKind | "header";
  lines: ResumeLine[];
}

// Normalised heading texts (lowercase, "&" → "and", letters and spaces only).
const kindByHeading = new Map<string, SectionKind>();
for (const [kind, texts] of Object.entries(headings) as Array<[SectionKind, readonly string[]]>) {
  for (const text of texts) kindByHeading.set(text, kind);
}
for (const text of otherHeadings) kindByHeading.set(text, "other");

function normaliseHeading(text: string): string {
  // Accents fold away ("Formación Académica" → "formacion academica"), so one spelling per heading.
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The section a line opens, if it is a heading ("EXPERIENCE", "Work History:", "## Skills & Tools"). */
export function headingKind(line: ResumeLine): SectionKind | null {
  if (line.isBullet || line.text.length > 40) return null;
  return kindByHeading.get(normaliseHeading(line.text)) ?? null;
}

/** Splits lines into the header (before the first heading) and the sections in order. */
export function splitSections(lines: readonly ResumeLine[]): Section[] {
  const sections: Section[] = [{ kind: "header", lines: [] }];
  for (const line of lines) {
    const kind = headingKind(line);
    if (kind !== null) sections.push({ kind, lines: [] });
    else sections.at(-1)?.lines.push(line);
  }
  return sections;
}
