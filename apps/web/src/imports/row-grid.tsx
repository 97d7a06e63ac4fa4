import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import type { ImportRow } from "./imports-api";
import { type FixRequest, RowCard } from "./row-card";

// A card's height before it is measured (one error line); cards are measured once rendered.
const estimatedRowPx = 96;
// Start reading the next page this many rows before the loaded ones run out, so scrolling never waits.
const prefetchRows = 30;

interface RowGridProps {
  items: readonly ImportRow[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
  labels: ReadonlyMap<string, string>;
  onFix: ((request: FixRequest) => void) | null;
}

/**
 * The loaded rows in a vertical scroller of cards (TanStack Virtual): only the cards in view, plus a
 * few, are in the page, each measured once rendered; when the operator nears the last loaded row the
 * next page is read, and a last placeholder card says more are coming.
 */
export function RowGrid({
  items,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  labels,
  onFix,
}: RowGridProps) {
  const scrollRef = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length + (hasNextPage ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowPx,
    overscan: 6,
    getItemKey: (index) => items[index]?.line ?? "more",
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= items.length - prefetchRows) {
      void fetchNextPage();
    }
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastIndex, items.length]);

  return (
    // Chromium and Firefox make a scroller without focusable content keyboard-focusable themselves.
    <section className="row-grid" ref={scrollRef} data-testid="row-list" aria-label="Checked rows">
      <div className="row-grid-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualRows.map((virtualRow) => {
          const row = items[virtualRow.index];
          return (
            <div
              key={virtualRow.key}
              className="row-grid-item"
              data-index={virtualRow.index}
              ref={virtualizer.measureElement}
              style={{ transform: `translateY(${virtualRow.start}px)` }}
            >
              {row === undefined ? (
                <p className="muted import-row" data-testid="rows-more">
                  {isFetchingNextPage ? "Loading more rows…" : "More rows below."}
                </p>
              ) : (
                <RowCard row={row} labels={labels} onFix={onFix} />
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
