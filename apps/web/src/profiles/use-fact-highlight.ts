import { useEffect } from "react";
import { useLocation } from "react-router";
import { factAnchorId, factIdFromHash } from "../ask/fact-anchors";

/**
 * The fact a source link points at (`#fact-<id>`). Once the profile has rendered, the fact is scrolled
 * into view and focused, so keyboard and screen-reader users land on it as sighted users do.
 */
export function useFactHighlight(isRendered: boolean): string | null {
  const { hash } = useLocation();
  const factId = factIdFromHash(hash);

  useEffect(() => {
    if (!isRendered || factId === null) return;
    const element = document.getElementById(factAnchorId(factId));
    if (element === null) return;
    element.scrollIntoView({ block: "center" });
    element.focus({ preventScroll: true });
  }, [isRendered, factId]);

  return factId;
}
