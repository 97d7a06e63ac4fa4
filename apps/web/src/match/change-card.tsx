import type { RouterOutputs } from "../trpc/types";
import {
  actionLabels,
  changeTarget,
  changeValueLines,
  deltaText,
  type TailoringChange,
} from "./tailor-wording";
import type { Requirement } from "./types";

type Profile = RouterOutputs["profiles"]["byId"];

interface ChangeCardProps {
  change: TailoringChange;
  profile: Profile | undefined;
  requirements: ReadonlyMap<string, Requirement>;
  accepted: boolean;
  onToggle: (accepted: boolean) => void;
  /** False once the tailoring is confirmed: the choice was made. */
  editable: boolean;
}

function Lines({ lines, ordered }: { lines: string[]; ordered: boolean }) {
  if (lines.length === 0) return <p className="muted">Nothing</p>;
  if (lines.length === 1 && !ordered) return <p className="diff-text">{lines[0]}</p>;
  return (
    <ol className="diff-list">
      {lines.map((line, index) => (
        // Lists may repeat a text; the position is part of what is shown.
        <li key={index}>{line}</li>
      ))}
    </ol>
  );
}

/**
 * One proposed change as a diff: where it applies, the original beside the proposal (a removed bullet
 * struck through), why, which requirements it serves and the points it alone brings; a checkbox keeps it.
 */
export function ChangeCard({ change, profile, requirements, accepted, onToggle, editable }: ChangeCardProps) {
  const ordered = change.action === "reorder";
  const served = change.requirementIds.flatMap((id) => {
    const requirement = requirements.get(id);
    return requirement === undefined ? [] : [requirement.canonical ?? requirement.text];
  });
  const checkboxId = `change-${change.id}`;
  return (
    <li
      className="change-card"
      data-testid="tailor-change"
      data-accepted={accepted}
      data-action={change.action}
    >
      <div className="change-header">
        <input
          id={checkboxId}
          type="checkbox"
          checked={accepted}
          disabled={!editable}
          onChange={(event) => onToggle(event.target.checked)}
          data-testid="tailor-change-accept"
        />
        <label htmlFor={checkboxId} className="change-title">
          {actionLabels[change.action]}: {changeTarget(change, profile)}
        </label>
        <span
          className={`badge ${change.scoreDelta > 0 ? "badge-up" : ""}`}
          data-testid="tailor-change-delta"
        >
          {deltaText(change.scoreDelta)}
        </span>
      </div>
      <p className="change-reason">{change.reason}</p>
      <div className="diff">
        <div className="diff-side diff-before">
          <h4 className="diff-label">Now</h4>
          <Lines lines={changeValueLines(change.path, change.original, profile)} ordered={ordered} />
        </div>
        <div className="diff-side diff-after">
          <h4 className="diff-label">{change.action === "remove" ? "Proposed: removed" : "Proposed"}</h4>
          {change.action === "remove" ? (
            <p className="diff-text diff-removed">
              <del>{changeValueLines(change.path, change.original, profile).join(" ")}</del>
            </p>
          ) : (
            <Lines lines={changeValueLines(change.path, change.value, profile)} ordered={ordered} />
          )}
        </div>
      </div>
      {served.length > 0 ? <p className="muted change-serves">Serves: {served.join(", ")}</p> : null}
    </li>
  );
}
