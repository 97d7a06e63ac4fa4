import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { ConfirmDialog } from "../lib/confirm-dialog";
import { describeError } from "../lib/describe-error";
import { useTRPC } from "../trpc/client";
import { DocumentStatus } from "./document-status";
import { DocumentWarnings } from "./document-warnings-list";
import { PersonCell } from "./person-cell";
import { reingestLabel } from "./reingest";
import { type DocumentListItem, isSettled } from "./types";
import { useLiveDocument } from "./use-live-document";
import { useReingest } from "./use-reingest";

/** What a destructive action on a row is about: the row's own document, never its live view. */
export interface DocumentTarget {
  id: string;
  filename: string;
}

interface DocumentRowProps {
  document: DocumentListItem;
  /** Members and up: delete, and read a settled document again. */
  canWrite: boolean;
  onDelete: (target: DocumentTarget) => void;
}

/**
 * One document in the list: who it is about (the file as detail), live status, and what can be done with it. Every
 * action is bound to `document.id`, the list entry this row was rendered for.
 */
export function DocumentRow({ document, canWrite, onDelete }: DocumentRowProps) {
  const trpc = useTRPC();
  const { view, isPolling, follow } = useLiveDocument(document);
  const reingest = useReingest(document.id, follow);
  const reingestText = reingestLabel(view.status, canWrite);
  // Re-reading a ready document rebuilds its profile; a failed one has nothing to lose, so it just starts.
  const [confirmingReread, setConfirmingReread] = useState(false);
  // "Already being read" holds while that other run moves; once the document settles it is old news.
  const shownReingestFailure =
    reingest.failure?.code === "CONFLICT" && isSettled(view.status) ? null : reingest.failure;
  const download = useMutation(
    trpc.documents.download.mutationOptions({
      // The link is short-lived, so it is fetched on demand. Storage answers with
      // `Content-Disposition: attachment`, so navigating to it downloads and never leaves the app.
      onSuccess: ({ url }) => window.location.assign(url),
    }),
  );

  return (
    <tr data-testid="document-row" data-document-id={document.id}>
      <th scope="row">
        <PersonCell document={document} size={view.size} createdAt={view.createdAt} />
      </th>
      <td>
        <DocumentStatus view={view} isPolling={isPolling} />
        {view.status === "ready" ? <DocumentWarnings warnings={view.warnings} headingLevel="h3" /> : null}
      </td>
      <td>
        <div className="row-actions">
          {view.status === "ready" && view.profileId !== null ? (
            <Link
              to={`/profiles/${view.profileId}`}
              className="button button-small button-primary"
              data-testid="open-profile"
            >
              View profile<span className="visually-hidden"> from {document.filename}</span>
            </Link>
          ) : null}
          <button
            type="button"
            className="button button-small"
            disabled={download.isPending}
            onClick={() => download.mutate({ documentId: document.id })}
          >
            {download.isPending ? "Preparing…" : "Download"}
            <span className="visually-hidden"> {document.filename}</span>
          </button>
          {reingestText !== null ? (
            <button
              type="button"
              className="button button-small"
              disabled={reingest.isPending}
              onClick={() => (view.status === "ready" ? setConfirmingReread(true) : reingest.start())}
              data-testid="reingest-document"
            >
              {reingest.isPending ? "Starting…" : reingestText}
              <span className="visually-hidden"> {document.filename}</span>
            </button>
          ) : null}
          {canWrite ? (
            <button
              type="button"
              className="button button-small button-danger-outline"
              onClick={() => onDelete({ id: document.id, filename: document.filename })}
              data-testid="delete-document"
            >
              Delete<span className="visually-hidden"> {document.filename}</span>
            </button>
          ) : null}
        </div>
        {download.isError ? (
          <p className="field-error" role="alert">
            The download link could not be made: {describeError(download.error).message}
          </p>
        ) : null}
        {shownReingestFailure !== null ? (
          <p
            className="field-error"
            role="alert"
            data-testid="reingest-error"
            data-code={shownReingestFailure.code ?? ""}
          >
            {shownReingestFailure.message}
          </p>
        ) : null}
        {confirmingReread ? (
          <ConfirmDialog
            title={`Read “${document.filename}” again?`}
            confirmLabel="Re-read"
            isPending={reingest.isPending}
            error={null}
            onConfirm={() => reingest.start(() => setConfirmingReread(false))}
            onCancel={() => setConfirmingReread(false)}
            testId="confirm-reread-document"
          >
            <p>
              Vitae reads the file again and builds a new profile from it. Corrections made on the current
              profile are lost, its share links are removed, and sources in earlier answers no longer lead to
              its facts.
            </p>
          </ConfirmDialog>
        ) : null}
      </td>
    </tr>
  );
}
