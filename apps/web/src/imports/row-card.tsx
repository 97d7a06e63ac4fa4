import type { ImportRow } from "./imports-api";

const rowStatusLabels: Readonly<Record<ImportRow["status"], string>> = {
  valid: "Valid",
  invalid: "Rejected",
  empty: "Empty",
  duplicate: "Repeated row",
};

/** What the operator asked to fix from a row: the field, and a replacement when the checker had one. */
export interface FixRequest {
  field: string;
  replace?: { from: string; to: string };
}

interface RowCardProps {
  row: ImportRow;
  labels: ReadonlyMap<string, string>;
  onFix: ((request: FixRequest) => void) | null;
}

/**
 * One checked row as a card: its source line and status, then each problem in words (column, field,
 * what is wrong, the value, a suggestion) with a button to fix that column in bulk; a valid row shows
 * its first values. Cards wrap long values, so a phone never scrolls sideways.
 */
export function RowCard({ row, labels, onFix }: RowCardProps) {
  return (
    <article className="import-row" data-testid="row" data-status={row.status} data-line={row.line}>
      <p className="import-row-head">
        <strong>Line {row.line}</strong> · {rowStatusLabels[row.status]}
      </p>
      {row.errors.length > 0 ? (
        <ul className="import-row-errors">
          {row.errors.map((error) => {
            const field = error.field;
            return (
              <li
                key={`${error.column ?? ""}-${field ?? ""}-${error.code}`}
                data-testid="row-error"
                data-code={error.code}
              >
                {error.column !== null ? `Column “${error.column}”` : "The row"}
                {field !== null ? ` (${labels.get(field) ?? field})` : ""}: {error.message}
                {error.value !== "" ? <span className="muted"> Value: “{error.value}”.</span> : null}
                {error.suggestion !== undefined ? (
                  <span className="muted"> Did you mean “{error.suggestion}”?</span>
                ) : null}
                {onFix !== null && field !== null ? (
                  <button
                    type="button"
                    className="button button-small row-fix"
                    data-testid="row-fix"
                    onClick={() =>
                      onFix(
                        error.suggestion === undefined || error.value === ""
                          ? { field }
                          : { field, replace: { from: error.value, to: error.suggestion } },
                      )
                    }
                  >
                    Fix this column…
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted import-row-values">
          {Object.entries(row.values)
            .slice(0, 4)
            .map(([field, value]) => `${labels.get(field) ?? field}: ${String(value)}`)
            .join(" · ")}
        </p>
      )}
    </article>
  );
}
