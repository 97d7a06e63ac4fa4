/**
 * Links between an answer's sources and the facts on the profile page. A source points at
 * `/profiles/<profileId>#fact-<factId>`; the profile page gives each fact element that id and highlights
 * the one the hash names.
 */

const anchorPrefix = "fact-";

/** The element id of a fact on the profile page (fact ids are UUIDs or `<profileId>:summary`). */
export function factAnchorId(factId: string): string {
  return `${anchorPrefix}${factId}`;
}

/** Where a source leads: the profile page, scrolled to and highlighting the fact. */
export function profileFactHref(profileId: string, factId: string): string {
  return `/profiles/${encodeURIComponent(profileId)}#${anchorPrefix}${encodeURIComponent(factId)}`;
}

/** The fact id a location hash names (`#fact-…`), or `null` when it names none. */
export function factIdFromHash(hash: string): string | null {
  const value = hash.startsWith("#") ? hash.slice(1) : hash;
  if (!value.startsWith(anchorPrefix)) return null;
  try {
    const factId = decodeURIComponent(value.slice(anchorPrefix.length));
    return factId === "" ? null : factId;
  } catch {
    return null;
  }
}

/** Props for a fact's element on the profile page: its anchor id, and a highlight when it is cited. */
export function factTargetProps(
  factId: string,
  highlightedFactId: string | null,
  className = "",
): { id: string; className: string; tabIndex: -1; "data-highlighted"?: "true" } {
  const isHighlighted = factId === highlightedFactId;
  return {
    id: factAnchorId(factId),
    className: [className, "fact-target", isHighlighted ? "fact-highlight" : ""].filter(Boolean).join(" "),
    // Focusable from script only, so the cited fact can take focus and be read out after the jump.
    tabIndex: -1,
    ...(isHighlighted ? { "data-highlighted": "true" as const } : {}),
  };
}
