import { useInfiniteQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { formatCount } from "../lib/format";
import { validateDateRange } from "../lib/validation";
import { useTRPC, useTRPCClient } from "../trpc/client";
import { type AuditFilterForm, auditListInput, emptyAuditFilters } from "./audit-filters";
import { auditActionLabels } from "./audit-labels";
import { AuditRow } from "./audit-row";
import "./audit.css";

const pageSize = 50;

/** The workspace's audit trail, newest first, filtered by action and date range, loaded page by page. */
export function AuditPage() {
  const trpc = useTRPC();
  const trpcClient = useTRPCClient();
  const [form, setForm] = useState<AuditFilterForm>(emptyAuditFilters);
  const [applied, setApplied] = useState<AuditFilterForm>(emptyAuditFilters);
  const [rangeError, setRangeError] = useState<string | null>(null);

  const input = { limit: pageSize, ...auditListInput(applied) };
  // Not `trpc.audit.list.infiniteQueryOptions`: it adds `direction` to the input, which the contract's
  // input (a strict object) does not have. The key is tRPC's own, so invalidating `audit.list` reaches it.
  const log = useInfiniteQuery({
    queryKey: trpc.audit.list.infiniteQueryKey(input),
    queryFn: ({ pageParam, signal }) =>
      trpcClient.audit.list.query(pageParam === null ? input : { ...input, cursor: pageParam }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const error = validateDateRange(form.from, form.to);
    setRangeError(error);
    if (error === null) setApplied(form);
  }

  return (
    <section aria-labelledby="audit-title" data-testid="audit-page">
      <h1 id="audit-title">Audit log</h1>
      <p className="lead">
        Sign-ins, membership, key and setting changes, and document uploads and deletes in this workspace.
      </p>
      <form
        className="panel form form-inline"
        noValidate
        onSubmit={onSubmit}
        aria-label="Filter the audit log"
      >
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <select
            id="audit-action"
            value={form.action}
            onChange={(event) => setForm({ ...form, action: event.target.value })}
          >
            <option value="">Any action</option>
            {Object.entries(auditActionLabels).map(([action, label]) => (
              <option key={action} value={action}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">From</label>
          <input
            id="audit-from"
            type="date"
            value={form.from}
            onChange={(event) => setForm({ ...form, from: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To</label>
          <input
            id="audit-to"
            type="date"
            value={form.to}
            aria-invalid={rangeError === null ? undefined : true}
            aria-describedby={rangeError === null ? undefined : "audit-range-error"}
            onChange={(event) => setForm({ ...form, to: event.target.value })}
          />
        </div>
        <button type="submit" className="button button-primary">
          Apply filters
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setForm(emptyAuditFilters);
            setApplied(emptyAuditFilters);
            setRangeError(null);
          }}
        >
          Clear
        </button>
        {rangeError === null ? null : (
          <p id="audit-range-error" className="field-error form-wide">
            {rangeError}
          </p>
        )}
      </form>

      <section className="panel" aria-labelledby="audit-list-title" aria-busy={log.isFetching}>
        <h2 id="audit-list-title">Events</h2>
        <p className="muted" aria-live="polite" data-testid="audit-count">
          {log.data === undefined
            ? ""
            : `Showing ${formatCount(entries.length)} ${entries.length === 1 ? "event" : "events"}${log.hasNextPage ? "; more are available" : ""}.`}
        </p>
        {log.isPending ? (
          <p className="muted" role="status">
            Loading events…
          </p>
        ) : null}
        {log.isError && !log.isFetchNextPageError ? (
          <ErrorNotice title="The audit log could not be loaded." summary={describeError(log.error)} />
        ) : null}
        {entries.length > 0 ? (
          <table className="data-table data-table-compact data-table-stack" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Action</th>
                <th scope="col">Who</th>
                <th scope="col">Target</th>
                <th scope="col">
                  <span className="visually-hidden">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <AuditRow key={entry.id} entry={entry} />
              ))}
            </tbody>
          </table>
        ) : null}
        {log.data !== undefined && entries.length === 0 ? <p>No events match these filters.</p> : null}
        {log.hasNextPage ? (
          <button
            type="button"
            className="button"
            onClick={() => void log.fetchNextPage()}
            disabled={log.isFetchingNextPage}
            data-testid="audit-load-more"
          >
            {log.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        ) : null}
        {log.isFetchNextPageError ? (
          <ErrorNotice title="More events could not be loaded." summary={describeError(log.error)} />
        ) : null}
      </section>
    </section>
  );
}
