import type { ReactNode } from "react";
import { Link } from "react-router";
import { answerSegments, uniqueSources } from "./answer-text";
import { cardView } from "./card-model";
import type { Card, Source } from "./contract";

const sourceKindLabels: Record<string, string> = {
  experience: "Experience",
  education: "Education",
  project: "Project",
  skill: "Skill",
  summary: "Summary",
  contact: "Contact",
};

interface SourceLinkProps {
  factId: string;
  sourceHref: ((factId: string) => string) | null;
  className?: string;
  children: ReactNode;
  label?: string;
}

function FactLink({ factId, sourceHref, className, children, label }: SourceLinkProps) {
  if (sourceHref === null) return <span className={className}>{children}</span>;
  return (
    <Link to={sourceHref(factId)} className={className} aria-label={label}>
      {children}
    </Link>
  );
}

/** The answer text with its citations as numbered references to the sources below it. */
export function AnswerText({
  answer,
  sources,
  sourceHref,
}: {
  answer: string;
  sources: readonly Source[];
  sourceHref: ((factId: string) => string) | null;
}) {
  const listed = uniqueSources(sources);
  return (
    <p className="answer-text" data-testid="answer-text">
      {answerSegments(answer, listed).map((segment, index) =>
        segment.type === "text" ? (
          // Segments never reorder, so their position is a stable key.
          <span key={index}>{segment.text}</span>
        ) : (
          <sup key={index} className="citation">
            <FactLink factId={segment.factId} sourceHref={sourceHref} label={`Source ${segment.number}`}>
              {segment.number}
            </FactLink>
          </sup>
        ),
      )}
    </p>
  );
}

export function AnswerCards({
  cards,
  sourceHref,
}: {
  cards: readonly Card[];
  sourceHref: ((factId: string) => string) | null;
}) {
  if (cards.length === 0) return null;
  return (
    <ul className="answer-cards" aria-label="Details">
      {cards.map((card) => {
        const view = cardView(card);
        return (
          <li
            key={view.key}
            className={`answer-card answer-card-${view.type}`}
            data-testid="answer-card"
            data-type={view.type}
          >
            <p className="answer-card-kind">{view.kindLabel}</p>
            <p className="answer-card-title">
              {view.factId === null ? (
                view.title
              ) : (
                <FactLink factId={view.factId} sourceHref={sourceHref}>
                  {view.title}
                </FactLink>
              )}
            </p>
            {view.subtitle !== null ? <p className="answer-card-subtitle">{view.subtitle}</p> : null}
            {view.period !== null ? <p className="answer-card-period">{view.period}</p> : null}
            {view.href !== null ? (
              <p>
                <a href={view.href} rel="noopener noreferrer nofollow" target="_blank">
                  {view.href}
                </a>
              </p>
            ) : null}
            {view.chips.length > 0 ? (
              <ul
                className="tag-list chip-list"
                aria-label={view.type === "skill-group" ? "Skills" : "Technologies"}
              >
                {view.chips.map((chip) => (
                  <li key={chip} className="chip">
                    {chip}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export function SourceList({
  sources,
  sourceHref,
  factLabels,
}: {
  sources: readonly Source[];
  sourceHref: ((factId: string) => string) | null;
  factLabels?: ReadonlyMap<string, string> | undefined;
}) {
  const listed = uniqueSources(sources);
  if (listed.length === 0) return null;
  return (
    <div className="answer-sources">
      <p className="answer-sources-title">Sources</p>
      <ol className="source-list">
        {listed.map((source) => {
          const label =
            source.label || factLabels?.get(source.factId) || sourceKindLabels[source.kind] || "Fact";
          return (
            <li key={source.factId} data-testid="answer-source" data-fact-id={source.factId}>
              <FactLink factId={source.factId} sourceHref={sourceHref}>
                {label}
              </FactLink>
              <span className="muted"> · {sourceKindLabels[source.kind] ?? source.kind}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
