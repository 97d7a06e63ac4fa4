import { isLocation } from "./contact";
import { trimCharacters } from "./trim";
import { looksLikeTitle, titleLeaning } from "./vocabulary";

export interface TitleAndCompany {
  title: string;
  company: string;
  location: string | null;
}

function clean(text: string): string {
  return trimCharacters(text, /[\s,|·•:;–—-]/u).trim();
}

/** Orders two phrases as (title, company) by how much each reads as a title; `titleFirst` breaks ties. */
function order(first: string, second: string, titleFirst: boolean): [string, string] {
  const lean = titleLeaning(first) - titleLeaning(second);
  if (lean > 0) return [first, second];
  if (lean < 0) return [second, first];
  return titleFirst ? [first, second] : [second, first];
}

/**
 * Title and company from an entry's header text with its dates removed. Layouts: "Title, Company",
 * "Title at Company", "Title @ Company", "Company — Title", "Title | Company | Location", and two
 * lines (company then title, or title then company).
 */
export function splitTitleAndCompany(headerTexts: readonly string[]): TitleAndCompany | null {
  const parts: string[] = [];
  let location: string | null = null;
  for (const text of headerTexts) {
    for (const part of text.split(/\s*\|\s*|\s+[–—]\s+|\s+-\s+/u)) {
      let cleaned = clean(part);
      if (cleaned === "") continue;
      // "Company, City, Country": the last two comma segments are a location.
      const segments = cleaned.split(", ");
      const tail = segments.slice(-2).join(", ");
      if (segments.length >= 3 && isLocation(tail)) {
        location ??= tail;
        cleaned = segments.slice(0, -2).join(", ");
      }
      if (isLocation(cleaned) && !looksLikeTitle(cleaned) && (parts.length > 0 || headerTexts.length > 1)) {
        location ??= cleaned;
        continue;
      }
      parts.push(cleaned);
    }
  }
  if (parts.length >= 2) {
    const [first, second] = parts as [string, string];
    // "Title, Company | Location" style lines may still hold a comma pair in one part.
    const [title, company] = order(first, second, true);
    return { title, company, location };
  }
  const single = parts[0];
  if (single === undefined) return null;
  const at = splitAtConnector(single);
  if (at !== null) return { ...at, location };
  const comma = single.indexOf(", ");
  if (comma > 0) {
    const [title, company] = order(single.slice(0, comma), single.slice(comma + 2), true);
    const companyParts = company.split(/,\s*/);
    // "Title, Company, City, Country": the tail after the company is a location.
    const tail = companyParts.slice(1).join(", ");
    if (tail !== "" && isLocation(tail))
      return { title: clean(title), company: clean(companyParts[0] ?? company), location: location ?? tail };
    return { title: clean(title), company: clean(company), location };
  }
  return null;
}

// "Title at Company" connectors in the five languages, longest first so "bei der" wins over "bei".
const connectors = [
  "im unternehmen",
  "in der firma",
  "au sein de la",
  "au sein de l'",
  "au sein de",
  "au sein d'",
  "bei der",
  "beim",
  "bei",
  "chez",
  "pour",
  "at",
  "@",
  "with",
  "for",
  "para",
  "en",
  "na",
  "no",
  "em",
  "pela",
  "pelo",
];
const connectorPattern = new RegExp(
  `\\s+(?:${connectors.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?:\\s+|(?<=['’@]))(?=\\S)`,
  "giu",
);

/**
 * "Title <connector> Company": among every connector in the line, the first whose left side reads as a
 * title and whose right side does not; else the first whose left side reads as a title. The title
 * lexicon vouching for the left side is what keeps weak connectors ("with", "for", "en") safe.
 */
function splitAtConnector(single: string): { title: string; company: string } | null {
  let fallback: { title: string; company: string } | null = null;
  for (const match of single.matchAll(connectorPattern)) {
    const left = clean(single.slice(0, match.index));
    const right = clean(single.slice(match.index + match[0].length));
    // A comma before the connector is the "Title, Company" layout ("…, Institute for Informatics").
    if (left === "" || right === "" || left.includes(",") || !looksLikeTitle(left)) continue;
    const split = { title: left, company: right };
    if (!looksLikeTitle(right)) return split;
    fallback ??= split;
  }
  return fallback;
}
