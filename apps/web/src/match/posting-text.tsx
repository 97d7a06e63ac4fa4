import { Fragment, useMemo } from "react";
import { highlightSegments } from "./highlight";
import { kindLabels, requirementDescription } from "./match-wording";
import type { Requirement } from "./types";

/** The element id of a requirement's highlight (its first segment), for "Show in posting". */
export function requirementAnchorId(requirementId: string): string {
  return `requirement-${requirementId}`;
}

interface PostingTextProps {
  text: string;
  requirements: readonly Requirement[];
  /** Requirements the pointer or focus is on (here or in the list), drawn stronger. */
  activeIds: readonly string[];
  onActivate: (requirementIds: string[]) => void;
}

/**
 * The posting as pasted, each requirement highlighted at its span: musts and nice-to-haves in different
 * styles, a small kind label where each requirement ends, and its meaning (weight, kind, canonical
 * technology) shown on hover or focus through `onActivate` and the native tooltip.
 */
export function PostingText({ text, requirements, activeIds, onActivate }: PostingTextProps) {
  const byId = useMemo(
    () => new Map(requirements.map((requirement) => [requirement.id, requirement])),
    [requirements],
  );
  const segments = useMemo(() => highlightSegments(text, requirements), [text, requirements]);

  return (
    <div className="posting-text" data-testid="posting-text">
      {segments.map((segment) => {
        if (segment.ids.length === 0) return <Fragment key={segment.start}>{segment.text}</Fragment>;
        const covering = segment.ids.flatMap((id) => byId.get(id) ?? []);
        const isMust = covering.some((requirement) => requirement.weight === "must");
        const isActive = segment.ids.some((id) => activeIds.includes(id));
        const anchorId = segment.startingIds[0];
        return (
          <Fragment key={segment.start}>
            <mark
              id={anchorId === undefined ? undefined : requirementAnchorId(anchorId)}
              className={`requirement-mark ${isMust ? "requirement-must" : "requirement-nice"}`}
              data-weight={isMust ? "must" : "nice"}
              data-requirement-ids={segment.ids.join(" ")}
              data-active={isActive ? "true" : undefined}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users reach each requirement's meaning by focusing it.
              tabIndex={0}
              title={covering.map(requirementDescription).join("\n")}
              onMouseEnter={() => onActivate(segment.ids)}
              onFocus={() => onActivate(segment.ids)}
              data-testid="requirement-mark"
            >
              {segment.text}
            </mark>
            {segment.endingIds.flatMap((id) => {
              const requirement = byId.get(id);
              return requirement === undefined
                ? []
                : [
                    <span key={id} className="requirement-kind" aria-hidden="true">
                      {kindLabels[requirement.kind]}
                    </span>,
                  ];
            })}
          </Fragment>
        );
      })}
    </div>
  );
}
