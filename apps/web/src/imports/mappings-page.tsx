import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { hasRoleAtLeast } from "../auth/roles";
import { roleOf, useSession } from "../auth/session";
import { ConfirmDialog } from "../lib/confirm-dialog";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { formatCount, formatDateTime, isoDateTime } from "../lib/format";
import { useTRPC, useTRPCClient } from "../trpc/client";
import type { RouterOutputs } from "../trpc/types";
import { entityFields, entityOptions } from "./imports-api";
import "./imports.css";

type SavedMapping = RouterOutputs["imports"]["mappings"]["list"]["items"][number];

const pageSize = 50;

function entityLabel(entity: string): string {
  return entityOptions.find((option) => option.name === entity)?.label ?? entity;
}

/** One remembered mapping: the file's columns and where each goes, when it was last confirmed. */
function MappingCard({ item, onForget }: { item: SavedMapping; onForget: (() => void) | null }) {
  const labels = new Map(entityFields(item.entity).map((field) => [field.name, field.label]));
  const mapped = item.mapping.filter((entry) => entry.field !== null).length;
  return (
    <li className="mapping-card" data-testid="saved-mapping" data-entity={item.entity}>
      <div className="mapping-card-head">
        <h2 className="mapping-card-title">
          {entityLabel(item.entity)} · {formatCount(item.mapping.length)} columns, {formatCount(mapped)}{" "}
          imported
        </h2>
        {onForget !== null ? (
          <button
            type="button"
            className="button button-small"
            onClick={onForget}
            data-testid="mapping-forget"
          >
            Forget
          </button>
        ) : null}
      </div>
      <p className="muted">
        Last confirmed for an import{" "}
        <time dateTime={isoDateTime(item.updatedAt)} data-testid="mapping-last-used">
          {formatDateTime(item.updatedAt)}
        </time>
        {item.learnedAliases.length > 0
          ? ` · taught ${formatCount(item.learnedAliases.length)} new column ${item.learnedAliases.length === 1 ? "name" : "names"}`
          : ""}
      </p>
      <ul className="mapping-columns" data-testid="mapping-columns">
        {item.mapping.map((entry) => (
          <li key={entry.column}>
            <span className="mapping-column">{entry.column}</span> →{" "}
            {entry.field === null ? (
              <span className="muted">not imported</span>
            ) : (
              (labels.get(entry.field) ?? entry.field)
            )}
          </li>
        ))}
      </ul>
      <details className="error-details">
        <summary>Details</summary>
        <dl className="meta-list">
          <div>
            <dt>Header fingerprint</dt>
            <dd>
              <code data-testid="mapping-fingerprint">{item.headerFingerprint}</code>
            </dd>
          </div>
        </dl>
      </details>
    </li>
  );
}

/**
 * The workspace's saved mappings (`imports.mappings.list`): for each header set confirmed before, what
 * the file holds, its columns and where each goes, and when it was last confirmed — a file with the same
 * columns is mapped from it. Members can forget one after confirming (`imports.mappings.delete`, audited).
 */
export function MappingsPage() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const me = useSession();
  const canWrite = hasRoleAtLeast(roleOf(me), "member");
  const [forgetting, setForgetting] = useState<SavedMapping | null>(null);
  const list = useInfiniteQuery({
    queryKey: trpc.imports.mappings.list.pathKey(),
    queryFn: ({ pageParam, signal }) =>
      client.imports.mappings.list.query(
        pageParam === null ? { limit: pageSize } : { limit: pageSize, cursor: pageParam },
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const forget = useMutation(
    trpc.imports.mappings.delete.mutationOptions({
      onSuccess: () => setForgetting(null),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.imports.mappings.list.pathKey() }),
    }),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="mappings-title" data-testid="mappings-page">
      <p>
        <Link to="/imports">← All imports</Link>
      </p>
      <h1 id="mappings-title">Saved mappings</h1>
      <p className="lead">
        When you confirm how a file's columns map, Vitae remembers it: the next file with the same columns is
        mapped the same way, and new column names it learned help other files.
      </p>
      <section className="panel" aria-label="Saved mappings" aria-busy={list.isPending}>
        {list.isPending ? <p className="muted">Loading saved mappings…</p> : null}
        {list.isError ? (
          <ErrorNotice title="The saved mappings could not be loaded." summary={describeError(list.error)} />
        ) : null}
        {list.isSuccess && items.length === 0 ? (
          <p data-testid="mappings-empty">
            No saved mappings yet. Confirm a mapping on an import to save one.
          </p>
        ) : null}
        {items.length > 0 ? (
          <ul className="mapping-cards" data-testid="mappings-list">
            {items.map((item) => (
              <MappingCard
                key={item.id}
                item={item}
                onForget={
                  canWrite
                    ? () => {
                        forget.reset();
                        setForgetting(item);
                      }
                    : null
                }
              />
            ))}
          </ul>
        ) : null}
        {list.hasNextPage ? (
          <button
            type="button"
            className="button"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? "Loading…" : "Show more"}
          </button>
        ) : null}
      </section>
      {forgetting !== null ? (
        <ConfirmDialog
          title={`Forget this ${entityLabel(forgetting.entity).toLowerCase()} mapping?`}
          confirmLabel="Forget mapping"
          isPending={forget.isPending}
          error={forget.isError ? describeError(forget.error) : null}
          onConfirm={() => forget.mutate({ mappingId: forgetting.id })}
          onCancel={() => setForgetting(null)}
          testId="confirm-forget-mapping"
        >
          <p>
            The next file with these {formatCount(forgetting.mapping.length)} columns is mapped afresh.
            Imports already mapped keep their mapping.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
