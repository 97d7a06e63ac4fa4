import { startTransition, useEffect, useState } from "react";

/**
 * Whether a large tree whose data is ready (`isReady`) may be shown. Data that arrives after mounting
 * is shown through a transition (`false` until it has rendered, then `true` for good): React renders a
 * transition in slices of a few milliseconds and lets the browser run between them, whereas an update
 * from a query's answer renders in one piece, so a page that appears all at once (a first load, where the
 * session and the page's data arrive together) no longer blocks the main thread for the whole render.
 * Callers keep showing their loading state meanwhile. Data ready at mount is shown at once: that render
 * is part of the one mounting the caller, already sliced if that was a transition.
 */
export function useReveal(isReady: boolean): boolean {
  const [isRevealed, setRevealed] = useState(isReady);
  useEffect(() => {
    if (isReady && !isRevealed) startTransition(() => setRevealed(true));
  }, [isReady, isRevealed]);
  return isRevealed;
}
