import type { DateConstraint, EntityMatch, Fact, Intent, SessionState } from "./types";

/** Shown-fact memory is capped so a long conversation cannot grow the session without bound. */
export const maxShownFacts = 200;

export interface TurnOutcome {
  intent: Intent;
  technologies: string[];
  dates: DateConstraint | null;
  entities: EntityMatch[];
  focusFactIds: string[];
  citedFacts: Fact[];
}

/** The session after a turn; never mutates `previous`. */
export function nextSession(previous: SessionState, outcome: TurnOutcome): SessionState {
  const shown = [...new Set([...previous.shownFactIds, ...outcome.citedFacts.map((fact) => fact.id)])].slice(
    -maxShownFacts,
  );
  const listed = outcome.citedFacts.filter((fact) => fact.kind !== "summary" && fact.kind !== "contact");
  let focus = previous.focus;
  const explicit = outcome.entities.find((entity) => entity.kind !== "title") ?? outcome.entities[0];
  if (explicit) {
    focus = { kind: explicit.kind, name: explicit.name, factIds: explicit.factIds };
  } else if (outcome.focusFactIds.length === 1 || (listed.length === 1 && listed[0]?.kind !== "skill")) {
    const fact =
      outcome.focusFactIds.length === 1
        ? (listed.find((item) => item.id === outcome.focusFactIds[0]) ?? listed[0])
        : listed[0];
    if (fact?.entity) {
      const kind = fact.kind === "education" ? "school" : fact.kind === "project" ? "project" : "company";
      focus = { kind, name: fact.entity, factIds: [fact.id] };
    }
  }
  return {
    turn: previous.turn + 1,
    lastIntent: outcome.intent,
    lastTechnologies: outcome.technologies,
    lastDates: outcome.dates,
    focus,
    shownFactIds: shown,
    lastListedFactIds: listed.length > 0 ? listed.map((fact) => fact.id) : previous.lastListedFactIds,
  };
}
