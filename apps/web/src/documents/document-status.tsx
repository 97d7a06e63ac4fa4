import { clampPercent } from "../lib/format";
import { documentErrorSentence } from "./document-errors";
import { type DocumentProgressEvent, isSettled, statusBadgeClass, statusLabels } from "./types";

/** A document's status badge, its live ingest progress, or why it failed, in plain words. */
export function DocumentStatus({ view, isPolling }: { view: DocumentProgressEvent; isPolling: boolean }) {
  const percent = clampPercent(view.progress ?? 0);
  const progressId = `document-${view.id}-progress`;
  return (
    <div className="document-status">
      <span
        className={`badge ${statusBadgeClass[view.status] ?? "badge-neutral"}`}
        data-testid="document-status"
        data-status={view.status}
      >
        {statusLabels[view.status] ?? view.status}
      </span>
      {!isSettled(view.status) ? (
        <div className="document-progress">
          <label htmlFor={progressId} className="visually-hidden">
            Reading {view.filename}
          </label>
          <progress id={progressId} max={100} value={percent} aria-valuetext={`${percent}%`} />
          <p className="progress-message" aria-live="polite">
            {view.progressMessage ??
              (view.status === "uploaded" ? "Waiting to be read…" : "Reading the résumé…")}
            {isPolling ? <span className="muted"> (checking every few seconds)</span> : null}
          </p>
        </div>
      ) : null}
      {view.status === "failed" ? (
        <p
          className="field-error document-error"
          data-testid="document-error"
          data-code={view.errorCode ?? ""}
        >
          {documentErrorSentence(view.errorCode, view.errorMessage)}
        </p>
      ) : null}
    </div>
  );
}
