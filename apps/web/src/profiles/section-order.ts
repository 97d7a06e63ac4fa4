/** The profile page's movable sections (the summary sits in the header), in their default order. */
export const pageSections = ["experiences", "skills", "education", "projects"] as const;
export type PageSection = (typeof pageSections)[number];

/**
 * The page's sections in a tailored version's `sectionOrder` (names it does not know are ignored, the
 * ones it leaves out keep their default place after it), or the default order.
 */
export function orderedSections(sectionOrder: readonly string[] | null): PageSection[] {
  if (sectionOrder === null) return [...pageSections];
  const known = new Set<string>(pageSections);
  const chosen = sectionOrder.filter((name): name is PageSection => known.has(name));
  const unique = [...new Set(chosen)];
  return [...unique, ...pageSections.filter((name) => !unique.includes(name))];
}
