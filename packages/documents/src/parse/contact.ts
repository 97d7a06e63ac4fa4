import { findDateRange } from "./dates";
import { trimCharacters } from "./trim";
import { looksLikeTitle } from "./vocabulary";

export interface Contact {
  email: string | null;
  phone: string | null;
  location: string | null;
  links: string[];
}

// Linear on hostile lines ("ab.ab.ab…", "a.a.a…@"): a match may start only where a run of its
// characters starts (the lookbehind), and every quantifier is bounded (RFC 5321: local part ≤ 64,
// label ≤ 63). Unanchored `[…]+@` would rescan the run from each of its positions: quadratic per line.
const emailPattern =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,10}\.\p{L}{2,24}/u;
// Explicit URLs, "www." hosts, and bare domains on common TLDs ("linkedin.com/in/x", "priya.dev"). The
// bare-domain branch starts only where a host run starts, for the same reason as the e-mail pattern.
const linkPattern =
  /\bhttps?:\/\/[^\s|,;<>()]{1,2048}|\bwww\.[^\s|,;<>()]{1,2048}|(?<![\w.-])[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,10}\.(?:com|dev|io|net|org|me|app|co|ai|tech|site|xyz|page|blog|info|in|uk|de|pt|br|eu)(?:\/[^\s|,;<>()]{0,2048})?(?![\w@.])/gi;
const phonePattern = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d[\d\s.-]{6,}\d/;
// "Lisbon, Portugal", "Chicago, IL", "São Paulo, SP, Brazil", "Remote".
const locationPattern =
  /^(?:[\p{Lu}][\p{L}.'-]*(?:\s[\p{Lu}][\p{L}.'-]*)*)(?:,\s*[\p{Lu}][\p{L}.'-]*(?:\s[\p{Lu}][\p{L}.'-]*)*){1,2}$/u;

/** Segments of a header line: "a | b · c" → ["a", "b", "c"]. */
export function segmentsOf(line: string): string[] {
  return line
    .split(/\s+[|·•◦]\s+|\s*\|\s*|\s+[–—]\s+/u)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== "");
}

export function findEmail(text: string): string | null {
  return emailPattern.exec(text)?.[0]?.toLowerCase() ?? null;
}

/** A phone number with 9–15 digits that is not a date range. */
export function findPhone(text: string): string | null {
  const match = phonePattern.exec(text);
  if (match === null) return null;
  const digits = match[0].replace(/\D/g, "");
  if (digits.length < 9 || digits.length > 15 || findDateRange(match[0]) !== null) return null;
  return match[0].trim();
}

export function findLinks(text: string): string[] {
  const withoutEmails = text.replace(new RegExp(emailPattern.source, "gu"), " ");
  return [
    ...new Set((withoutEmails.match(linkPattern) ?? []).map((link) => trimCharacters(link, /[.)]/, "end"))),
  ];
}

export function isLocation(segment: string): boolean {
  if (/^remote$/i.test(segment)) return true;
  return (
    segment.length <= 60 && !/\d|@/.test(segment) && locationPattern.test(segment) && !looksLikeTitle(segment)
  );
}

/** Whether a header segment is contact data (so neither a name nor a headline). */
export function isContactSegment(segment: string): boolean {
  return (
    findEmail(segment) !== null ||
    findPhone(segment) !== null ||
    findLinks(segment).length > 0 ||
    isLocation(segment)
  );
}

/** Contact details from the header lines, falling back to the whole text for e-mail and phone. */
export function parseContact(headerLines: readonly string[], fullText: string): Contact {
  const header = headerLines.join("\n");
  let location: string | null = null;
  for (const line of headerLines) {
    location = segmentsOf(line).find(isLocation) ?? null;
    if (location !== null) break;
  }
  return {
    email: findEmail(header) ?? findEmail(fullText),
    phone: findPhone(header) ?? null,
    location,
    links: findLinks(header).slice(0, 20),
  };
}
