import { type FocusEvent, type MouseEvent, useCallback, useMemo, useState } from "react";
import type { ProfileView } from "../documents/types";
import { ErrorDetails } from "../lib/error-details";
import { reviewFlags } from "./review-flags";
import { ReviewRoles } from "./review-roles";
import { ReviewProjects, ReviewSchools } from "./review-schools-projects";
import { ReviewSkillsAndLanguages } from "./review-skills";
import { SavedNotice } from "./saved-notice";
import { locateLines } from "./source-lines";
import { SourcePane } from "./source-pane";
import { useReviewSave } from "./use-review-save";
import "./review.css";

/** The text the field at `target` came from: its closest `data-source`, else the field's own text. */
function sourceTextAt(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  const marked = target.closest<HTMLElement>("[data-source]");
  if (marked !== null) return marked.dataset.source ?? null;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return target.value;
  return null;
}

/**
 * Reviewing what was parsed: the original beside the parsed fields (side by side on wide screens, one at
 * a time with a switch on phones). The lines of the field under the pointer or in focus are highlighted;
 * fields that look wrong are listed first with one-click fixes; every change can be undone.
 */
export function ReviewView({ profile }: { profile: ProfileView }) {
  const review = useReviewSave(profile.id);
  const [lines, setLines] = useState<string[]>([]);
  const [focusText, setFocusText] = useState<string | null>(null);
  const [shown, setShown] = useState<"fields" | "original">("fields");
  const onLines = useCallback((next: string[]) => setLines(next), []);
  const highlighted = useMemo(
    () => new Set(focusText === null ? [] : locateLines(lines, focusText)),
    [lines, focusText],
  );
  const flags = reviewFlags(profile);
  const track = (event: FocusEvent | MouseEvent) => {
    const text = sourceTextAt(event.target);
    if (text !== null) setFocusText(text);
  };

  return (
    <div className="review" data-testid="review-view" data-shown={shown}>
      <fieldset className="review-switch">
        <legend className="visually-hidden">Show</legend>
        <button
          type="button"
          className="button button-small"
          aria-pressed={shown === "fields"}
          onClick={() => setShown("fields")}
        >
          Parsed fields
        </button>
        <button
          type="button"
          className="button button-small"
          aria-pressed={shown === "original"}
          onClick={() => setShown("original")}
          data-testid="show-original"
        >
          Original
        </button>
      </fieldset>
      <div aria-live="polite" className="review-status" data-testid="review-status">
        {review.error !== null ? (
          <div className="notice notice-error" role="alert">
            <p className="notice-title">That change was not saved.</p>
            <p>{review.error.message}</p>
            <ErrorDetails code={review.error.code} requestId={review.error.requestId} />
            <button type="button" className="button button-small" onClick={review.dismissError}>
              Dismiss
            </button>
          </div>
        ) : null}
        {review.isSaving ? <p className="muted">Saving…</p> : null}
        {!review.isSaving ? <SavedNotice undo={review.undo} /> : null}
      </div>
      <div className="review-columns">
        <section className="panel review-original" aria-labelledby="review-original-title">
          <h2 id="review-original-title">Original</h2>
          <SourcePane documentId={profile.documentId} highlighted={highlighted} onLines={onLines} />
        </section>
        {/* Pointer and focus events bubble from the fields: the field in use picks the lines to highlight. */}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: listens only; every control inside is a real one. */}
        <div className="review-fields" onFocus={track} onMouseOver={track}>
          {flags.length > 0 ? (
            <section
              className="panel review-flags"
              aria-labelledby="review-flags-title"
              data-testid="review-flags"
            >
              <h2 id="review-flags-title">Worth a second look</h2>
              <ul>
                {flags.map((flag) => (
                  <li key={flag.key} data-testid="review-flag" data-kind={flag.kind}>
                    <a href={`#review-${flag.factId}`}>{flag.message}</a>
                    {flag.fix !== null ? (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => {
                          if (flag.fix !== null)
                            void review.save(flag.fix.patch, `Done: ${flag.fix.label.toLowerCase()}`);
                        }}
                      >
                        {flag.fix.label}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <ReviewRoles profile={profile} review={review} />
          <ReviewSchools profile={profile} review={review} />
          <ReviewProjects profile={profile} review={review} />
          <ReviewSkillsAndLanguages profile={profile} review={review} />
        </div>
      </div>
    </div>
  );
}
