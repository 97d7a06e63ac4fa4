import { useEffect, useRef } from "react";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { clampPercent, formatBytes, formatDateTime, isoDateTime } from "../lib/format";
import { isInProgress, useLiveExport } from "./exports-api";

interface ExportJobProps {
  exportId: string;
  label: string;
}

/**
 * One requested export: its progress while the worker renders it (streamed over `exports.progress`),
 * then the download (started once, automatically, as soon as it is ready — the storage link answers as
 * an attachment, so the app stays where it is), a button to download it again with a fresh link, and
 * what went wrong in plain words.
 */
export function ExportJob({ exportId, label }: ExportJobProps) {
  const { job, progress } = useLiveExport(exportId);
  const started = useRef(false);
  const view = job.data;

  useEffect(() => {
    if (view?.status !== "ready" || view.download === undefined || started.current) return;
    started.current = true;
    window.location.assign(view.download.url);
  }, [view]);

  async function downloadAgain() {
    // Links live a few minutes: ask for a fresh one rather than reuse the first.
    const fresh = await job.refetch();
    if (fresh.data?.download !== undefined) window.location.assign(fresh.data.download.url);
  }

  const status = view?.status ?? "queued";
  return (
    <li className="export-job" data-testid="export-job" data-status={status} aria-live="polite">
      <div className="progress-row">
        <span>{label}</span>
        {isInProgress(status) ? (
          <span className="progress-figure">{clampPercent(progress.percent)}%</span>
        ) : null}
      </div>
      {isInProgress(status) ? (
        <>
          <progress
            max={100}
            value={clampPercent(progress.percent)}
            aria-label={`${label} export progress`}
          />
          <p className="progress-message">{progress.message ?? "Waiting for a worker…"}</p>
        </>
      ) : null}
      {status === "ready" && view !== undefined ? (
        <div className="export-ready">
          <button
            type="button"
            className="button button-small"
            onClick={downloadAgain}
            data-testid="export-download"
          >
            Download {view.filename}
          </button>
          <span className="muted">
            {view.size === null ? "" : `${formatBytes(view.size)} · `}available until{" "}
            <time dateTime={isoDateTime(view.expiresAt)}>{formatDateTime(view.expiresAt)}</time>
          </span>
        </div>
      ) : null}
      {(status === "failed" || status === "expired") && view?.error ? (
        <p className="notice notice-error" role="alert" data-testid="export-error">
          {view.error.message}
        </p>
      ) : null}
      {job.isError ? (
        <ErrorNotice title="The export's status could not be read." summary={describeError(job.error)} />
      ) : null}
    </li>
  );
}
