import { type Contact, isContactSegment, parseContact, segmentsOf } from "./contact";

export interface Header {
  name: string | null;
  headline: string | null;
  contact: Contact;
}

const nameWord = /^[\p{Lu}][\p{L}'’.-]*$/u;

function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(
      /(^|[\s'’-])(\p{L})/gu,
      (_, boundary: string, letter: string) => boundary + letter.toUpperCase(),
    );
}

// Academic and courtesy titles before a name ("Dr.", "Prof. Dr.", "Dr. rer. nat.", "Dr.-Ing.") and
// degrees after it (", PhD"): not part of the name.
const honorifics =
  /^(?:(?:prof|dr|mr|mrs|ms|mx|dra|sr|sra)\.?(?:-ing\.?)?\s+(?:(?:rer|phil|med|nat|habil|jur)\.\s+){0,3})+/iu;
const degreeSuffix = /,\s*(?:ph\.?\s?d|m\.?\s?sc|b\.?\s?sc|mba|msc|bsc|dphil)\.?$/iu;

/** A person's name: 2–5 capitalised words, no digits or contact data ("MARCUS LEE" → "Marcus Lee"). */
function asName(fullLine: string): string | null {
  const line = fullLine.trim().replace(honorifics, "").replace(degreeSuffix, "");
  if (isContactSegment(line) && !/^[\p{L}\s'’.-]+$/u.test(line)) return null;
  const words = line.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5 || line.length > 60) return null;
  const isAllCaps = line === line.toUpperCase();
  const normalised = isAllCaps ? titleCase(line) : line.trim();
  return normalised.split(/\s+/).every((word) => nameWord.test(word)) ? normalised : null;
}

/**
 * Name, headline and contact from the lines before the first section heading. The name is the first
 * line that reads as one; the headline is the next line that is not contact data.
 */
export function parseHeader(headerLines: readonly string[], fullText: string): Header {
  const lines = headerLines.slice(0, 8);
  let name: string | null = null;
  let headline: string | null = null;
  for (const line of lines) {
    if (name === null) {
      name = asName(line);
      if (name !== null) continue;
    }
    const segments = segmentsOf(line);
    const isContact = segments.length > 0 && segments.every(isContactSegment);
    if (
      name !== null &&
      headline === null &&
      !isContact &&
      line.length <= 150 &&
      line.split(/\s+/).length <= 14
    ) {
      headline = line;
    }
  }
  return { name, headline, contact: parseContact(lines, fullText) };
}
