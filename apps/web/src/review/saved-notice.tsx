import { ErrorDetails } from "../lib/error-details";
import type { Undo } from "./use-undo";
import "./saved-notice.css";

/**
 * "Saved the headline · Undo" after a correction: the save in words and a button that takes it back. It sits inside
 * the page's polite live region, so screen readers hear the save and the undo; the button is an ordinary
 * one in the tab order. A refused undo (someone saved since) says so in words, code behind "Details".
 */
export function SavedNotice({ undo }: { undo: Undo }) {
  const saved = undo.lastSaved;
  if (undo.undoError !== null) {
    return (
      <div className="notice notice-error" role="alert" data-testid="undo-error">
        <p className="notice-title">That change was not undone.</p>
        <p>{undo.undoError.message}</p>
        <ErrorDetails code={undo.undoError.code} requestId={undo.undoError.requestId} />
        <button type="button" className="button button-small" onClick={undo.dismiss}>
          Dismiss
        </button>
      </div>
    );
  }
  if (saved === null) return null;
  if (undo.isUndoing) return <p className="muted">Undoing…</p>;
  return (
    <p className="notice saved-notice" data-testid="saved-notice">
      <span>{saved.plan === null ? `${saved.label}.` : saved.label}</span>
      {saved.plan !== null ? <span aria-hidden="true">·</span> : null}
      {saved.plan !== null ? (
        <button
          type="button"
          className="button button-small"
          onClick={() => void undo.undo()}
          data-testid="undo-change"
        >
          Undo
        </button>
      ) : null}
    </p>
  );
}
