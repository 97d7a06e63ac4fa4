import {
  insideRecordingSpan,
  isTracingEnabled,
  markFailed,
  type Span,
  SpanKind,
  tracer,
} from "@vitae/tracing/spans";
import type postgres from "postgres";

type PendingQuery = PromiseLike<unknown> & { then: PromiseLike<unknown>["then"] };

/** `select`, `insert`, … — the statement's first keyword; the text itself never goes into a trace. */
function operationOf(query: string): string {
  return /^\s*([a-z]+)/i.exec(query)?.[1]?.toLowerCase() ?? "query";
}

/**
 * Makes `pending` a CLIENT span (`postgres select`) from the moment it runs until it settles. postgres.js
 * queries run lazily, on their first `then`; the span starts there too, so wrapping never changes when
 * or how a query executes (`.values()` and friends return the same object).
 */
function traceQuery<Q extends PendingQuery>(pending: Q, query: string): Q {
  if (!isTracingEnabled() || !insideRecordingSpan()) return pending;
  const run = pending.then;
  let span: Span | undefined;
  // biome-ignore lint/suspicious/noThenProperty: postgres.js runs a query on its first `then`; the span starts exactly there.
  pending.then = function (this: Q, onFulfilled, onRejected) {
    if (span === undefined) {
      const operation = operationOf(query);
      const started = tracer.startSpan(`postgres ${operation}`, {
        kind: SpanKind.CLIENT,
        attributes: { "db.system.name": "postgresql", "db.operation.name": operation.toUpperCase() },
      });
      span = started;
      run.call(
        this,
        () => started.end(),
        (error: unknown) => {
          markFailed(started, error);
          started.end();
        },
      );
    }
    return run.call(this, onFulfilled, onRejected);
  } as Q["then"];
  return pending;
}

function traceUnsafe(sql: postgres.Sql): void {
  const unsafe = sql.unsafe;
  sql.unsafe = ((query: string, ...rest: unknown[]) =>
    traceQuery(
      (unsafe as (...args: unknown[]) => PendingQuery).call(sql, query, ...rest),
      query,
    )) as typeof sql.unsafe;
}

/**
 * Traces every statement drizzle sends through `client` (its `unsafe`), inside transactions too, when it
 * runs within a traced request or job. Spans carry the operation only — never the SQL text or its
 * parameters, which hold résumé text, emails and token hashes.
 */
export function traceQueries(client: postgres.Sql): void {
  traceUnsafe(client);
  const begin = client.begin;
  client.begin = ((...args: unknown[]) => {
    const body = args.at(-1) as (transaction: postgres.TransactionSql) => unknown;
    const traced = (transaction: postgres.TransactionSql) => {
      traceUnsafe(transaction as unknown as postgres.Sql);
      return body(transaction);
    };
    return (begin as (...inner: unknown[]) => unknown).apply(client, [...args.slice(0, -1), traced]);
  }) as typeof client.begin;
}
