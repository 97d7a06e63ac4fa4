import { createContext, useContext, useEffect } from "react";

const PageSubjectContext = createContext<(subject: string | null) => void>(() => undefined);

/**
 * Given by a layout that writes `document.title`: the setter pages use to name their subject. The layout
 * owns the title because its effect runs after the page's and would otherwise overwrite it.
 */
export const PageSubjectProvider = PageSubjectContext.Provider;

/**
 * Names what the page shows in the tab title ("Marisol Okafor · Profile · Vitae"): the layout puts
 * `subject` before the page's own label. `null`/`undefined` (not loaded yet) leaves the label alone.
 */
export function usePageSubject(subject: string | null | undefined): void {
  const setSubject = useContext(PageSubjectContext);
  useEffect(() => {
    const trimmed = subject?.trim() ?? "";
    setSubject(trimmed === "" ? null : trimmed);
    return () => setSubject(null);
  }, [setSubject, subject]);
}

/** The tab title: the page's subject, then its label (which already ends in the product name). */
export function titleWithSubject(subject: string | null, label: string): string {
  return subject === null ? label : `${subject} · ${label}`;
}
