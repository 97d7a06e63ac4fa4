import type { ComponentType } from "react";

/**
 * One entry per shipped capability: it becomes both a route and a main-navigation link, so adding a
 * capability (Documents, Ask, Match, Map) is one line here plus its page module. Only list what exists.
 */
export interface Section {
  /** URL segment under the root, kebab-case, unique. */
  path: string;
  /** Navigation label and the page's document title. */
  label: string;
  /** One sentence for the home page. */
  summary: string;
  /** Loads the page on first visit so each capability ships as its own chunk. */
  lazy: () => Promise<{ Component: ComponentType }>;
}

export const sections: readonly Section[] = [
  {
    path: "status",
    label: "Status",
    summary: "Check that every dependency is up and run an end-to-end self-test.",
    lazy: async () => ({ Component: (await import("../status/status-page")).StatusPage }),
  },
];

export const productName = "Vitae";

/** The browser tab title for a pathname: the matching section's label, else just the product name. */
export function documentTitleFor(pathname: string, list: readonly Section[] = sections): string {
  const segment = pathname.split("/").find((part) => part.length > 0);
  const section = segment === undefined ? undefined : list.find((entry) => entry.path === segment);
  return section === undefined ? productName : `${section.label} · ${productName}`;
}
