import { useInfiniteQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { formatCount } from "../lib/format";
import { useTRPCClient } from "../trpc/client";
import { entityFields, type ImportView, type RowFilter } from "./imports-api";
import { isRowErrorCode, rejectionReasons } from "./ledger";

const rowStatusLabels: Readonly<Record<string, string>> = {
  valid: "Valid",
  invalid: "Rejected",
  empty: "Empty",
  duplicate: "Repeated row",
};

/**
 * The checked rows, 100 a page: all, only rejected ones, or one reason. Each error names its source line
 * and column in words, with the offending value.
 */
export function RowsPanel({ view }: { view: ImportView }) {
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
        <ul className="import-row-list" data-testid="row-list">
          {items.map((row) => (
            <li key={row.line} className="import-row" data-testid="row" data-status={row.status}>
              <p className="import-row-head">
                <strong>Line {row.line}</strong> · {rowStatusLabels[row.status] ?? row.status}
              </p>
              {row.errors.length > 0 ? (
                <ul className="import-row-errors">
                  {row.errors.map((error) => (
                    <li
                      key={`${error.column ?? ""}-${error.field ?? ""}-${error.code}`}
                      data-testid="row-error"
                      data-code={error.code}
                    >
                      {error.column !== null ? `Column “${error.column}”` : "The row"}
                      {error.field !== null ? ` (${labels.get(error.field) ?? error.field})` : ""}:{" "}
                      {error.message}
                      {error.value !== "" ? <span className="muted"> Value: “{error.value}”.</span> : null}
                      {error.suggestion !== undefined ? (
                        <span className="muted"> Did you mean “{error.suggestion}”?</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted import-row-values">
                  {Object.entries(row.values)
                    .slice(0, 4)
                    .map(([field, value]) => `${labels.get(field) ?? field}: ${String(value)}`)
                    .join(" · ")}
                </p>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {rows.hasNextPage ? (
        <button
          type="button"
          className="button"
          disabled={rows.isFetchingNextPage}
          onClick={() => void rows.fetchNextPage()}
          data-testid="rows-more"
        >
          {rows.isFetchingNextPage ? "Loading…" : "Show more rows"}
        </button>
      ) : null}
    </section>
  );
}
