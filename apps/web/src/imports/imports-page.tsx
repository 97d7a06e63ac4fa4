import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useId, useState } from "react";
import { Link, useNavigate } from "react-router";
import { hasRoleAtLeast } from "../auth/roles";
import { roleOf, useSession } from "../auth/session";
import { DropZone } from "../documents/drop-zone";
import { uploadMaxBytesFor } from "../documents/file-checks";
import { ConfirmDialog } from "../lib/confirm-dialog";
import { describeError } from "../lib/describe-error";
import { ErrorDetails } from "../lib/error-details";
import { ErrorNotice } from "../lib/error-notice";
import { clampPercent, formatBytes, formatDateTime } from "../lib/format";
import { useTRPC } from "../trpc/client";
import { entityOptions, importErrorSentence, statusLabels } from "./imports-api";
import { spreadsheetAccept, useImportUpload } from "./use-import-upload";
import "../documents/documents.css";
import "./imports.css";

type Entity = (typeof entityOptions)[number]["name"];

/**
 * Spreadsheet imports: choose what the file holds, upload it with progress (members and up), then the
 * wizard takes over; below, every import of the workspace with its status, and delete.
 */
export function ImportsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useSession();
  const canWrite = hasRoleAtLeast(roleOf(me), "member");
  const entityId = useId();
  const [entity, setEntity] = useState<Entity>("employee");
  const [deleting, setDeleting] = useState<{ id: string; filename: string } | null>(null);

  const onFinalized = useCallback((importId: string) => void navigate(`/import/${importId}`), [navigate]);
  const upload = useImportUpload(onFinalized);
  const list = useQuery(trpc.imports.list.queryOptions({ limit: 50 }));
  const remove = useMutation(
    trpc.imports.delete.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.imports.list.pathKey() }),
    }),
  );
  const items = list.data?.items ?? [];
  const busy = upload.state !== null && upload.state.phase !== "failed";

  return (
    <section aria-labelledby="imports-title" data-testid="imports-page">
      <h1 id="imports-title">Imports</h1>
      <p className="lead">
        Upload a spreadsheet from your HR system; Vitae detects its layout, maps its columns, checks every row
        and exports clean CSV, JSON or XML.
      </p>
      <p>
        <Link to="/import-mappings" data-testid="saved-mappings-link">
          Saved mappings
        </Link>{" "}
        <span className="muted">— the column mappings Vitae remembers for files like yours.</span>
      </p>

      {canWrite ? (
        <section className="panel" aria-labelledby="import-upload-title">
          <h2 id="import-upload-title">New import</h2>
          <div className="field">
            <label htmlFor={entityId}>The file holds</label>
            <select
              id={entityId}
              value={entity}
              onChange={(event) => setEntity(event.currentTarget.value as Entity)}
              data-testid="import-entity"
            >
              {entityOptions.map((option) => (
                <option key={option.name} value={option.name}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <DropZone
            maxBytes={uploadMaxBytesFor(me.workspace?.plan)}
            isDisabled={busy}
            multiple={false}
            title="Drop a spreadsheet here, or choose a file"
            hint="CSV, TSV or XLSX"
            accept={spreadsheetAccept}
            inputLabel="Spreadsheet to import"
            onFiles={(files) => {
              const [file] = files;
              if (file !== undefined) void upload.upload(file, entity);
            }}
          />
          {upload.state !== null ? (
            <div className="import-upload" data-testid="import-upload" data-phase={upload.state.phase}>
              <div className="progress-row">
                <span>{upload.state.filename}</span>
                {upload.state.phase !== "failed" ? (
                  <span className="progress-figure">{clampPercent(upload.state.fraction * 100)}%</span>
                ) : null}
              </div>
              {upload.state.phase === "failed" && upload.state.error !== null ? (
                <div className="notice notice-error" role="alert" data-testid="import-upload-error">
                  <p>{upload.state.error.message}</p>
                  <ErrorDetails code={upload.state.error.code} requestId={upload.state.error.requestId} />
                </div>
              ) : (
                <>
                  <progress
                    max={100}
                    value={clampPercent(upload.state.fraction * 100)}
                    aria-label="Upload progress"
                  />
                  <p className="progress-message">
                    {upload.state.phase === "finalizing" ? "Starting the analysis…" : "Uploading…"}
                  </p>
                  <button type="button" className="button button-small" onClick={upload.cancel}>
                    Cancel upload
                  </button>
                </>
              )}
            </div>
          ) : null}
        </section>
      ) : null}

      <section className="panel" aria-labelledby="import-history-title" aria-busy={list.isPending}>
        <h2 id="import-history-title">History</h2>
        {list.isPending ? <p className="muted">Loading imports…</p> : null}
        {list.isError ? (
          <ErrorNotice title="The imports could not be loaded." summary={describeError(list.error)} />
        ) : null}
        {list.isSuccess && items.length === 0 ? <p data-testid="imports-empty">No imports yet.</p> : null}
        {items.length > 0 ? (
          <table className="data-table data-table-stack" data-testid="imports-table">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Holds</th>
                <th scope="col">Status</th>
                <th scope="col">Uploaded</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-testid="import-row">
                  <th scope="row" data-label="File" className="import-filename">
                    <Link to={`/import/${item.id}`}>{item.filename}</Link>
                    <span className="muted"> · {formatBytes(item.size)}</span>
                  </th>
                  <td data-label="Holds">
                    {entityOptions.find((option) => option.name === item.entity)?.label ?? item.entity}
                  </td>
                  <td data-label="Status">
                    {statusLabels[item.status]}
                    {item.errorCode !== null ? (
                      <span className="muted"> — {importErrorSentence(item.errorCode)}</span>
                    ) : null}
                  </td>
                  <td data-label="Uploaded">{formatDateTime(item.createdAt)}</td>
                  <td>
                    {canWrite ? (
                      <button
                        type="button"
                        className="button button-small"
                        data-testid="import-delete"
                        onClick={() => {
                          remove.reset();
                          setDeleting({ id: item.id, filename: item.filename });
                        }}
                      >
                        Delete
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      {deleting !== null ? (
        <ConfirmDialog
          title={`Delete “${deleting.filename}”?`}
          confirmLabel="Delete import"
          isPending={remove.isPending}
          error={remove.isError ? describeError(remove.error) : null}
          onConfirm={() => remove.mutate({ importId: deleting.id }, { onSuccess: () => setDeleting(null) })}
          onCancel={() => setDeleting(null)}
          testId="confirm-delete-import"
        >
          <p>
            The uploaded file, its checked rows and its exports are removed. The remembered mapping stays.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
