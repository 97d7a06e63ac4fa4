import { ErrorDetails } from "../lib/error-details";
import { clampPercent, formatBytes } from "../lib/format";
import type { UploadItem, UploadPhase } from "./use-uploads";

const phaseLabels: Record<UploadPhase, string> = {
  rejected: "Not uploaded",
  requesting: "Preparing upload…",
  uploading: "Uploading…",
  finalizing: "Finishing upload…",
  failed: "Upload failed",
};

interface UploadListProps {
  items: UploadItem[];
  onCancel: (key: string) => void;
  onDismiss: (key: string) => void;
}

/** Files on their way up: a real transfer progress bar each, or the reason one was refused. */
export function UploadList({ items, onCancel, onDismiss }: UploadListProps) {
  if (items.length === 0) return null;
  return (
    <ul className="upload-list" aria-label="Uploads in progress" data-testid="upload-list">
      {items.map((item) => {
        const percent = clampPercent(item.fraction * 100);
        const progressId = `${item.key}-progress`;
        const isActive =
          item.phase === "requesting" || item.phase === "uploading" || item.phase === "finalizing";
        return (
          <li key={item.key} className="upload-item" data-testid="upload-item" data-phase={item.phase}>
            <div className="progress-row">
              <span className="upload-name">
                {item.filename} <span className="muted">({formatBytes(item.size)})</span>
              </span>
              {isActive ? (
                <span className="progress-figure" aria-hidden="true">
                  {percent}%
                </span>
              ) : null}
            </div>
            {isActive ? (
              <>
                <label htmlFor={progressId} className="upload-phase">
                  {phaseLabels[item.phase]}
                </label>
                <progress
                  id={progressId}
                  max={100}
                  value={percent}
                  aria-valuetext={`${percent}% of ${item.filename} sent`}
                  data-testid="upload-progress"
                />
              </>
            ) : null}
            {item.error !== null ? (
              <div className="notice notice-error" role="alert" data-testid="upload-error">
                <p className="notice-title">
                  {phaseLabels[item.phase]}: {item.filename}
                </p>
                <p>{item.error.message}</p>
                <ErrorDetails code={item.error.code} requestId={item.error.requestId} />
              </div>
            ) : null}
            <div className="actions upload-actions">
              {item.phase === "uploading" ? (
                <button type="button" className="button button-small" onClick={() => onCancel(item.key)}>
                  Cancel<span className="visually-hidden"> upload of {item.filename}</span>
                </button>
              ) : null}
              {!isActive ? (
                <button type="button" className="button button-small" onClick={() => onDismiss(item.key)}>
                  Dismiss<span className="visually-hidden"> {item.filename}</span>
                </button>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
