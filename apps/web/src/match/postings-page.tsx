import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { hasRoleAtLeast } from "../auth/roles";
import { roleOf, useSession } from "../auth/session";
import { ConfirmDialog } from "../lib/confirm-dialog";
import { describeError, type ErrorSummary } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { formatCount, formatDateTime, isoDateTime } from "../lib/format";
import { useTRPC, useTRPCClient } from "../trpc/client";
import { postingName } from "./match-wording";
import { postingPath } from "./paths";
import { PostingForm } from "./posting-form";
import "./match.css";

const pageSize = 20;

interface PostingTarget {
  id: string;
  name: string;
}

/** Why a delete failed; NOT_FOUND here usually means someone deleted the posting first. */
function deleteFailure(error: unknown): ErrorSummary {
  const summary = describeError(error);
  return summary.code === "NOT_FOUND"
    ? { ...summary, message: "This posting is no longer here; it may have been deleted already." }
    : summary;
}

/**
 * Job postings of the active workspace, newest first: members paste new ones and delete them; everyone
 * who can read opens a posting to see its requirements and score profiles against it.
 */
export function PostingsPage() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const me = useSession();
  const canWrite = hasRoleAtLeast(roleOf(me), "member");
  const [deleting, setDeleting] = useState<PostingTarget | null>(null);
  const [announcement, setAnnouncement] = useState("");

  // Paged by hand, like the Documents list: `infiniteQueryOptions` adds a `direction` field that the
  // strict input schema refuses. The key sits under the procedure's path, so invalidation reaches it.
  const list = useInfiniteQuery({
    queryKey: [...trpc.postings.list.pathKey(), { limit: pageSize, pages: true }],
    queryFn: ({ pageParam, signal }) =>
      client.postings.list.query(
        pageParam === null ? { limit: pageSize } : { limit: pageSize, cursor: pageParam },
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const postings = list.data?.pages.flatMap((page) => page.items) ?? [];

  const remove = useMutation(
    trpc.postings.delete.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.postings.list.pathKey() }),
    }),
  );
  const confirmDelete = (target: PostingTarget) =>
    remove.mutate(
      { postingId: target.id },
      {
        onSuccess: () => {
          setAnnouncement(`“${target.name}” was deleted.`);
          setDeleting(null);
        },
      },
    );

  return (
    <section aria-labelledby="postings-title" data-testid="postings-page">
      <h1 id="postings-title">Postings</h1>
      <p className="lead">
        Paste a job posting to see what it asks for, then score any profile in this workspace against it.
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="postings-announcement">
        {announcement}
      </p>

      {canWrite ? (
        <section className="panel" aria-labelledby="posting-new-title">
          <h2 id="posting-new-title">Add a posting</h2>
          <PostingForm />
        </section>
      ) : null}

      <section className="panel" aria-labelledby="posting-list-title" aria-busy={list.isPending}>
        <h2 id="posting-list-title">Saved postings</h2>
        {list.isPending ? (
          <p className="muted" role="status">
            Loading postings…
          </p>
        ) : null}
        {list.isError && !list.isFetchNextPageError ? (
          <ErrorNotice title="The postings could not be loaded." summary={describeError(list.error)} />
        ) : null}
        {list.isSuccess && postings.length === 0 ? (
          <p data-testid="postings-empty">
            {canWrite ? "No postings yet. Paste one above to get started." : "No postings yet."}
          </p>
        ) : null}
        {postings.length > 0 ? (
          <ul className="posting-list" data-testid="posting-list">
            {postings.map((posting) => {
              const name = postingName(posting);
              return (
                <li
                  key={posting.id}
                  className="posting-item"
                  data-testid="posting-row"
                  data-posting-id={posting.id}
                >
                  <div className="posting-item-main">
                    <Link to={postingPath(posting.id)} className="posting-item-name">
                      {name}
                    </Link>
                    <span className="muted posting-item-meta">
                      {formatCount(posting.requirementCount)}{" "}
                      {posting.requirementCount === 1 ? "requirement" : "requirements"} · added{" "}
                      <time dateTime={isoDateTime(posting.createdAt)}>
                        {formatDateTime(posting.createdAt)}
                      </time>
                    </span>
                  </div>
                  {canWrite ? (
                    <button
                      type="button"
                      className="button button-small button-danger-outline"
                      onClick={() => {
                        remove.reset();
                        setDeleting({ id: posting.id, name });
                      }}
                      data-testid="delete-posting"
                    >
                      Delete<span className="visually-hidden"> {name}</span>
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : null}
        {list.hasNextPage ? (
          <p>
            <button
              type="button"
              className="button"
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {list.isFetchingNextPage ? "Loading…" : "Load more"}
            </button>
          </p>
        ) : null}
        {list.isFetchNextPageError ? (
          <ErrorNotice title="More postings could not be loaded." summary={describeError(list.error)} />
        ) : null}
      </section>

      {deleting !== null ? (
        <ConfirmDialog
          title={`Delete “${deleting.name}”?`}
          confirmLabel="Delete posting"
          isPending={remove.isPending}
          error={remove.isError ? deleteFailure(remove.error) : null}
          onConfirm={() => confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
          testId="confirm-delete-posting"
        >
          <p>
            The posting and its requirements are removed for everyone in this workspace. Profiles are not
            changed. This cannot be undone.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
