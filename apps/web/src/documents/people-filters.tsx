import { useEffect, useId, useState } from "react";
import type { RouterInputs } from "../trpc/types";
import type { DocumentsListFilter } from "./documents-list-query";

type ListInput = NonNullable<Exclude<RouterInputs["documents"]["list"], void>>;
type Status = NonNullable<ListInput["statuses"]>[number];
type Kind = NonNullable<ListInput["kinds"]>[number];

/** What the list is narrowed to; empty strings mean "any". */
export interface PeopleFilter {
  query: string;
  status: Status | "";
  kind: Kind | "";
}

export const noFilter: PeopleFilter = { query: "", status: "", kind: "" };

/** The `documents.list` input fields of a filter (absent when "any"). */
export function filterInput(filter: PeopleFilter): DocumentsListFilter {
  const query = filter.query.trim();
  return {
    ...(query === "" ? {} : { query }),
    ...(filter.status === "" ? {} : { statuses: [filter.status] }),
    ...(filter.kind === "" ? {} : { kinds: [filter.kind] }),
  };
}

/** Whether anything narrows the list (so an empty list means "no match", not "no documents"). */
export function isFiltered(filter: PeopleFilter): boolean {
  return Object.keys(filterInput(filter)).length > 0;
}

const statusOptions: Array<[Status | "", string]> = [
  ["", "Any status"],
  ["ready", "Ready"],
  ["processing", "Being read"],
  ["uploaded", "Waiting"],
  ["failed", "Could not be read"],
];

const kindOptions: Array<[Kind | "", string]> = [
  ["", "Any file type"],
  ["pdf", "PDF"],
  ["docx", "Word (.docx)"],
  ["text", "Text or Markdown"],
];

// Long enough not to search on every keystroke, short enough to feel live.
const typingPauseMs = 300;

/**
 * Search by name, skill or company, and narrow by status and file type. Typing searches after a short
 * pause; the selects apply at once.
 */
export function PeopleFilters({ onChange }: { onChange: (filter: PeopleFilter) => void }) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<PeopleFilter["status"]>("");
  const [kind, setKind] = useState<PeopleFilter["kind"]>("");

  useEffect(() => {
    const timer = window.setTimeout(() => onChange({ query, status, kind }), typingPauseMs);
    return () => window.clearTimeout(timer);
  }, [query, status, kind, onChange]);

  return (
    <search aria-label="Search and filter résumés" className="people-filters" data-testid="people-filters">
      <div className="field people-search">
        <label htmlFor={`${id}-query`}>Search people</label>
        <input
          id={`${id}-query`}
          type="search"
          value={query}
          maxLength={200}
          placeholder="Name, skill or company"
          onChange={(event) => setQuery(event.target.value)}
          data-testid="people-search"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(event) => setStatus(event.target.value as PeopleFilter["status"])}
          data-testid="status-filter"
        >
          {statusOptions.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>File type</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(event) => setKind(event.target.value as PeopleFilter["kind"])}
          data-testid="kind-filter"
        >
          {kindOptions.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
    </search>
  );
}
