import { Fragment } from "react";
import { Link } from "react-router";
import { profileFactHref } from "../ask/fact-anchors";
import {
  evidenceLines,
  kindLabels,
  type MatchRow,
  pointsText,
  statusLabels,
  weightLabels,
} from "./match-wording";

const statusBadge = { met: "badge-up", partial: "badge-partial", missing: "badge-down" } as const;

/**
 * Requirement by requirement: status, the profile facts that support it (each opens the profile at that
 * fact, highlighted) and the points earned. Rows come ordered by `matchRows` (missing musts first).
 */
interface MatchTableProps {
  rows: readonly MatchRow[];
  profileId: string;
  /** Readable names of the profile's facts (`matchFactLabels`), so evidence never shows an id. */
  factLabels: ReadonlyMap<string, string>;
}

export function MatchTable({ rows, profileId, factLabels }: MatchTableProps) {
  return (
    <table className="data-table data-table-stack match-table" data-testid="match-table">
      <thead>
        <tr>
          <th scope="col">Requirement</th>
          <th scope="col">Status</th>
          <th scope="col">Evidence in the profile</th>
          <th scope="col" className="numeric">
            Points
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.requirement.id}
            data-testid="match-row"
            data-status={row.status}
            data-weight={row.requirement.weight}
          >
            <th scope="row">
              <span className="match-requirement">{row.requirement.canonical ?? row.requirement.text}</span>
              <span className="muted match-requirement-meta">
                {weightLabels[row.requirement.weight]} · {kindLabels[row.requirement.kind]}
              </span>
            </th>
            <td data-label="Status">
              <span className={`badge ${statusBadge[row.status]}`} data-testid="match-status">
                {statusLabels[row.status]}
              </span>
            </td>
            <td data-label="Evidence">
              {row.evidence.length === 0 ? (
                <span className="muted">Nothing in the profile</span>
              ) : (
                <ul className="evidence-list" data-testid="match-evidence">
                  {evidenceLines(row.evidence, factLabels).map((line) => (
                    <li key={line.matched}>
                      <span className="evidence-matched">“{line.matched}”</span> in{" "}
                      {line.sources.map((source, index) => (
                        <Fragment key={source.factId}>
                          {index === 0 ? "" : index === line.sources.length - 1 ? " and " : ", "}
                          <Link to={profileFactHref(profileId, source.factId)}>{source.label}</Link>
                        </Fragment>
                      ))}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td data-label="Points" className="numeric">
              {pointsText(row.earned, row.points)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
