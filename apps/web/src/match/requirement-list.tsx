import { kindLabels, weightLabels } from "./match-wording";
import { requirementAnchorId } from "./posting-text";
import type { Requirement } from "./types";

interface RequirementListProps {
  requirements: readonly Requirement[];
  activeIds: readonly string[];
  onActivate: (requirementIds: string[]) => void;
}

/** Moves focus to a requirement's highlight in the posting text and brings it into view. */
function showInPosting(requirementId: string) {
  const element = document.getElementById(requirementAnchorId(requirementId));
  element?.scrollIntoView({ block: "center", behavior: "smooth" });
  element?.focus({ preventScroll: true });
}

/** The posting's requirements, musts first, each with its kind, canonical technology and a way to it. */
export function RequirementList({ requirements, activeIds, onActivate }: RequirementListProps) {
  const ordered = [...requirements].sort((a, b) =>
    a.weight === b.weight ? 0 : a.weight === "must" ? -1 : 1,
  );
  if (ordered.length === 0) {
    return <p data-testid="requirements-empty">No requirements were found in this posting.</p>;
  }
  return (
    <ul className="requirement-list" data-testid="requirement-list">
      {ordered.map((requirement) => (
        <li
          key={requirement.id}
          className="requirement-item"
          data-weight={requirement.weight}
          data-active={activeIds.includes(requirement.id) ? "true" : undefined}
          onMouseEnter={() => onActivate([requirement.id])}
          data-testid="requirement-item"
        >
          <span className="requirement-item-tags">
            <span className={`badge weight-badge weight-${requirement.weight}`}>
              {weightLabels[requirement.weight]}
            </span>{" "}
            <span className="requirement-kind">{kindLabels[requirement.kind]}</span>
          </span>
          <span className="requirement-item-text">
            {requirement.canonical ?? requirement.text}
            {requirement.canonical !== null && requirement.canonical !== requirement.text ? (
              <span className="muted"> (“{requirement.text}”)</span>
            ) : null}
          </span>
          <button
            type="button"
            className="link-button"
            onClick={() => showInPosting(requirement.id)}
            onFocus={() => onActivate([requirement.id])}
          >
            Show in posting
            <span className="visually-hidden">: {requirement.canonical ?? requirement.text}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
