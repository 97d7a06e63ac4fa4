import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { hasRoleAtLeast } from "../auth/roles";
import { roleOf, useSession } from "../auth/session";
import { ConfirmDialog } from "../lib/confirm-dialog";
import { describeError, type ErrorSummary } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { useTRPC, useTRPCClient } from "../trpc/client";
import { DocumentRow, type DocumentTarget } from "./document-row";
import { documentsListQuery } from "./documents-list-query";
import { DropZone } from "./drop-zone";
import { uploadMaxBytesFor } from "./file-checks";
import { filterInput, isFiltered, noFilter, type PeopleFilter, PeopleFilters } from "./people-filters";
import { UploadList } from "./upload-list";
import { useUploads } from "./use-uploads";
import "./documents.css";

/** Why a delete failed; the usual reason for NOT_FOUND here is that someone deleted the file first. */
function deleteFailure(error: unknown): ErrorSummary {
  const summary = describeError(error);
  return summary.code === "NOT_FOUND"
    ? { ...summary, message: "This document is no longer here; it may have been deleted already." }
    : summary;
}

/**
 * Résumés in the active workspace: upload (members and up), live ingest status, download, delete, and a
 * link to the profile parsed from each ready document. Viewers see the list only.
 */
export function DocumentsPage() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const me = useSession();
  const canWrite = hasRoleAtLeast(roleOf(me), "member");
  const maxBytes = uploadMaxBytesFor(me.workspace?.plan);
  const [announcement, setAnnouncement] = useState("");
  const [deleting, setDeleting] = useState<DocumentTarget | null>(null);
  const [filter, setFilter] = useState<PeopleFilter>(noFilter);
  const narrowed = filterInput(filter);

  const onFinalized = useCallback((_documentId: string, filename: string) => {
    setAnnouncement(`“${filename}” is uploaded. Reading it now; its status is in the list below.`);
  }, []);
  const uploads = useUploads({ maxBytes, onFinalized });

  const list = useInfiniteQuery({
    ...documentsListQuery({ trpc, client }, narrowed),
    // While a new search loads, the previous results stay instead of a blank list.
    placeholderData: (previous) => previous,
  });
  const documents = list.data?.pages.flatMap((page) => page.items) ?? [];

  const remove = useMutation(
    trpc.documents.delete.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.documents.list.pathKey() }),
    }),
  );
  // The dialog, the request and the announcement all name the one target the user confirmed.
  const confirmDelete = (target: DocumentTarget) =>
    remove.mutate(
      { documentId: target.id },
      {
        onSuccess: () => {
          setAnnouncement(`“${target.filename}” and its profile were deleted.`);
          setDeleting(null);
        },
      },
    );

  return (
    <section aria-labelledby="documents-title" data-testid="documents-page">
      <h1 id="documents-title">Documents</h1>
      <p className="lead">
        Upload résumés; Vitae reads each one and turns it into a profile you can check and correct.
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="documents-announcement">
        {announcement}
      </p>

      {canWrite ? (
        <section className="panel" aria-labelledby="upload-title">
          <h2 id="upload-title">Upload</h2>
          <DropZone maxBytes={maxBytes} onFiles={uploads.uploadFiles} />
          <UploadList items={uploads.items} onCancel={uploads.cancel} onDismiss={uploads.dismiss} />
        </section>
      ) : null}

      <section className="panel" aria-labelledby="document-list-title" aria-busy={list.isPending}>
        <h2 id="document-list-title">People</h2>
        <PeopleFilters onChange={setFilter} />
        {list.isPending ? (
          <p className="muted" role="status">
            Loading documents…
          </p>
        ) : null}
        {list.isError && !list.isFetchNextPageError ? (
          <ErrorNotice title="The documents could not be loaded." summary={describeError(list.error)} />
        ) : null}
        {list.isSuccess && documents.length === 0 && isFiltered(filter) ? (
          <p data-testid="documents-no-match">
            No one matches this search. Try a name, a skill or a company.
          </p>
        ) : null}
        {list.isSuccess && documents.length === 0 && !isFiltered(filter) ? (
          <p data-testid="documents-empty">
            {canWrite ? "No documents yet. Upload a résumé above to get started." : "No documents yet."}
          </p>
        ) : null}
        {documents.length > 0 ? (
          <table className="data-table data-table-stack documents-table" data-testid="documents-table">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {documents.map((document) => (
                <DocumentRow
                  key={document.id}
                  document={document}
                  canWrite={canWrite}
                  onDelete={(target) => {
                    remove.reset();
                    setDeleting(target);
                  }}
                />
              ))}
            </tbody>
          </table>
        ) : null}
        {list.hasNextPage ? (
          <p>
            <button
              type="button"
              className="button"
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
              data-testid="documents-load-more"
            >
              {list.isFetchingNextPage ? "Loading…" : "Load more"}
            </button>
          </p>
        ) : null}
        {list.isFetchNextPageError ? (
          <ErrorNotice title="More documents could not be loaded." summary={describeError(list.error)} />
        ) : null}
      </section>

      {deleting !== null ? (
        <ConfirmDialog
          title={`Delete “${deleting.filename}”?`}
          confirmLabel="Delete document"
          isPending={remove.isPending}
          error={remove.isError ? deleteFailure(remove.error) : null}
          onConfirm={() => confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
          testId="confirm-delete-document"
        >
          <p>
            The file and the profile made from it are removed for everyone in this workspace. This cannot be
            undone.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
