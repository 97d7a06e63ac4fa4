/** The only URL schemes an export may turn into a live link; anything else is printed as text. */
export const allowedLinkSchemes = ["http:", "https:", "mailto:"] as const;

declare const safeUrlBrand: unique symbol;

/** A URL that passed {@link toSafeUrl}: absolute, an allowed scheme, serialised by the WHATWG parser. */
export type SafeUrl = string & { readonly [safeUrlBrand]: true };

const allowed = new Set<string>(allowedLinkSchemes);
const bareDomain = /^(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)+(?:[/?#]\S*)?$/u;
const emailAddress = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/u;

function parse(candidate: string): URL | null {
  try {
    return new URL(candidate);
  } catch {
    return null;
  }
}

/**
 * A link target for user text, or `null` when it must stay plain text. The text is parsed with the
 * WHATWG URL parser (the one browsers use, so `java\tscript:`, `JaVaScRiPt:` and `\u0000javascript:`
 * are seen as the browser would see them) and the *serialised* result is returned, never the raw input.
 * A bare domain ("github.com/ana") becomes `https://`; an e-mail address becomes `mailto:`.
 */
export function toSafeUrl(raw: string): SafeUrl | null {
  const text = raw.trim();
  if (text === "" || text.length > 2000) return null;
  let url = parse(text);
  if (url === null && emailAddress.test(text)) url = parse(`mailto:${text}`);
  if (url === null && bareDomain.test(text)) url = parse(`https://${text}`);
  if (url === null || !allowed.has(url.protocol)) return null;
  if (url.protocol === "mailto:" ? url.pathname === "" : url.hostname === "") return null;
  // Credentials in a link ("https://bank.example@evil.example") only serve to mislead the reader.
  if (url.username !== "" || url.password !== "") return null;
  return url.href as SafeUrl;
}
