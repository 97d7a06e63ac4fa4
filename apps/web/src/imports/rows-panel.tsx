import { useInfiniteQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { formatCount } from "../lib/format";
import { useTRPCClient } from "../trpc/client";
import { entityFields, type ImportView, type RowFilter } from "./imports-api";
import { isRowErrorCode, rejectionReasons } from "./ledger";
import type { FixRequest } from "./row-card";
import { RowGrid } from "./row-grid";

/** How many rows a filter holds, when the ledger says (a row can carry several codes, so not per code). */
function totalOf(view: ImportView, filter: RowFilter): number | null {
  if (view.ledger === null) return null;
  if (filter === "all") return view.ledger.read;
  if (filter === "errors") return view.ledger.rejectedTotal;
  return null;
}

interface RowsPanelProps {
  view: ImportView;
  /** Opens the bulk fix for a column; null when the operator may not fix (viewer, or a run under way). */
  onFix: ((request: FixRequest) => void) | null;
}

/**
 * The checked rows as a virtualised list of cards: only the cards in view are in the page, whatever the
 * number of rows, and pages of 100 (keyset on the source line, `imports.rows`) are read ahead as the
 * operator scrolls. Filter by all rows, rows with problems, or one problem; each problem in words with
 * a "Fix this column" action. Cards (not a wide table) keep a 390 px phone from scrolling sideways:
 * every row shows its problems first, which is what the operator came for.
 */
export function RowsPanel({ view, onFix }: RowsPanelProps) {
  const client = useTRPCClient();
  const filterId = useId();
  const [filter, setFilter] = useState<RowFilter>("errors");
  const labels = new Map(entityFields(view.entity).map((field) => [field.name, field.label]));
  const reasons = rejectionReasons(view.ledger?.rejected ?? {});
  const rows = useInfiniteQuery({
    // Keyed on the fix count too: a fix rewrites rows, so the pages read before it are stale.
    queryKey: ["imports.rows", view.id, filter, view.fixes, view.updatedAt],
    queryFn: ({ pageParam, signal }) =>
      client.imports.rows.query(
        pageParam === null ? { importId: view.id, filter } : { importId: view.id, filter, cursor: pageParam },
        { signal },
      ),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = rows.data?.pages.flatMap((page) => page.items) ?? [];
  const total = totalOf(view, filter);
  return (
    <section className="panel" aria-labelledby="rows-title" data-testid="import-rows">
      <h2 id="rows-title">Rows</h2>
      <div className="field">
        <label htmlFor={filterId}>Show</label>
        <select
          id={filterId}
          value={filter}
          data-testid="rows-filter"
          onChange={(event) => setFilter(event.currentTarget.value as RowFilter)}
        >
          <option value="errors">Rows with problems</option>
          <option value="all">All rows</option>
          {reasons
            .filter((reason) => isRowErrorCode(reason.code))
            .map((reason) => (
              <option key={reason.code} value={reason.code}>
                {reason.sentence} ({formatCount(reason.count)})
              </option>
            ))}
        </select>
      </div>
      {rows.isPending ? <p className="muted">Loading rows…</p> : null}
      {rows.isError ? (
        <ErrorNotice title="The rows could not be loaded." summary={describeError(rows.error)} />
      ) : null}
      {rows.isSuccess && items.length === 0 ? <p data-testid="rows-empty">No rows to show.</p> : null}
      {items.length > 0 ? (
        <>
          <p className="muted" data-testid="rows-loaded" data-loaded={items.length} aria-live="polite">
            {total === null
              ? `${formatCount(items.length)} ${items.length === 1 ? "row" : "rows"}${rows.hasNextPage ? " loaded so far" : ""}`
              : `${formatCount(items.length)} of ${formatCount(total)} rows loaded`}
            {rows.hasNextPage ? " — scroll the list for more." : "."}
          </p>
          <RowGrid
            // A new list per filter and per rewrite: a virtualizer carries its scroll offset to a new
            // scroller, which would open another filter's list at the old depth.
            key={`${filter}-${view.fixes}-${view.updatedAt}`}
            items={items}
            hasNextPage={rows.hasNextPage}
            isFetchingNextPage={rows.isFetchingNextPage}
            fetchNextPage={rows.fetchNextPage}
            labels={labels}
            onFix={onFix}
          />
        </>
      ) : null}
    </section>
  );
}
