import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { clampPercent } from "../lib/format";
import { useTRPC } from "../trpc/client";
import { entityFields, type ImportView } from "./imports-api";

interface MappingPanelProps {
  view: ImportView;
  canWrite: boolean;
}

/**
 * The mapping table: each column, the field it goes to (a select to change it), how sure the mapper is
 * (a bar), why (its reason) and what else it considered. Saving stores the mapping and remembers it for
 * the next file with the same headers; confirming it starts the row check, so what is checked is always
 * what the operator saw.
 */
export function MappingPanel({ view, canWrite }: MappingPanelProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fields = entityFields(view.entity);
  const [edits, setEdits] = useState<Record<string, string | null>>({});
  const setMapping = useMutation(trpc.imports.setMapping.mutationOptions());
  const validate = useMutation(trpc.imports.validate.mutationOptions());
  const save = useMutation({
    mutationFn: async (mapping: { column: string; field: string | null }[]) => {
      await setMapping.mutateAsync({ importId: view.id, mapping });
      await validate.mutateAsync({ importId: view.id });
    },
    onSuccess: () => setEdits({}),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: trpc.imports.byId.queryKey({ importId: view.id }) }),
  });
  const fromMemory = view.mapping.length > 0 && view.mapping.every((entry) => entry.source === "memory");
  const editable = canWrite && (view.status === "mapped" || view.status === "validated");
  const fieldOf = (column: string, stored: string | null) =>
    column in edits ? (edits[column] ?? null) : stored;
  const labelOf = (field: string) => fields.find((entry) => entry.name === field)?.label ?? field;
  const changed = Object.keys(edits).length > 0;

  return (
    <section className="panel" aria-labelledby="mapping-title" data-testid="import-mapping">
      <h2 id="mapping-title">Column mapping</h2>
      {fromMemory ? (
        <p className="notice notice-success" data-testid="mapping-from-memory">
          Remembered from a previous file with the same columns.
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="data-table data-table-stack mapping-table">
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Goes to</th>
              <th scope="col">Confidence</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {view.mapping.map((entry) => {
              const field = fieldOf(entry.column, entry.field);
              const percent = clampPercent(entry.confidence * 100);
              return (
                <tr key={entry.column} data-testid="mapping-row" data-column={entry.column}>
                  <th scope="row" data-label="Column">
                    {entry.column}
                  </th>
                  <td data-label="Goes to">
                    <select
                      aria-label={`Field for column ${entry.column}`}
                      value={field ?? ""}
                      disabled={!editable}
                      data-testid="mapping-field"
                      onChange={(event) => {
                        const value = event.currentTarget.value;
                        setEdits((current) => ({ ...current, [entry.column]: value === "" ? null : value }));
                      }}
                    >
                      <option value="">Don't import</option>
                      {fields.map((option) => (
                        <option key={option.name} value={option.name}>
                          {option.label}
                          {option.required ? " (required)" : ""}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td data-label="Confidence">
                    {entry.field === null ? (
                      <span className="muted">Not mapped</span>
                    ) : (
                      <span className="confidence">
                        <meter
                          min={0}
                          max={100}
                          low={60}
                          high={85}
                          optimum={100}
                          value={percent}
                          aria-label="Confidence"
                        />
                        <span>{percent}%</span>
                      </span>
                    )}
                  </td>
                  <td data-label="Why">
                    <span data-testid="mapping-reason">{entry.reason}</span>
                    {entry.alternatives.some((alternative) => alternative.field !== field) ? (
                      <span className="muted mapping-alternatives">
                        {" "}
                        Also possible:{" "}
                        {entry.alternatives
                          .filter((alternative) => alternative.field !== field)
                          .map(
                            (alternative) =>
                              `${labelOf(alternative.field)} (${clampPercent(alternative.confidence * 100)}%)`,
                          )
                          .join(", ")}
                      </span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {editable ? (
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            disabled={save.isPending || (view.status === "validated" && !changed)}
            data-testid="mapping-save"
            onClick={() =>
              save.mutate(
                view.mapping.map((entry) => ({
                  column: entry.column,
                  field: fieldOf(entry.column, entry.field),
                })),
              )
            }
          >
            {save.isPending
              ? "Starting…"
              : view.status === "validated"
                ? "Save mapping and check again"
                : "Confirm mapping and check rows"}
          </button>
        </div>
      ) : null}
      {save.isError ? (
        <ErrorNotice title="The rows could not be checked." summary={describeError(save.error)} />
      ) : null}
    </section>
  );
}
