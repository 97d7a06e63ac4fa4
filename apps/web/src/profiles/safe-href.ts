/**
 * The href for a link found in a résumé, or `null` when it must not be clickable. Only http(s) become
 * anchors: a résumé is untrusted text, and a `javascript:` or `data:` link must never run. Bare
 * domains ("github.com/ada") are read as https.
 */
export function safeHref(link: string): string | null {
  const trimmed = link.trim();
  if (trimmed === "") return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(candidate);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}
