import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { useTRPC } from "../trpc/client";
import type { ImportView } from "./imports-api";

/**
 * A workbook with several sheets: which one was read, and (members, once the analysis is done) a choice
 * of another. Reading another sheet analyses the import again and drops the mapping and the check, which
 * described the other sheet — the button says so.
 */
export function SheetChoice({ view, canWrite }: { view: ImportView; canWrite: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const selectId = useId();
  const sheets = view.sniff?.sheets ?? [];
  const current = view.sniff?.sheet ?? "";
  const [chosen, setChosen] = useState(current);
  const choose = useMutation(
    trpc.imports.chooseSheet.mutationOptions({
      onSettled: () =>
        queryClient.invalidateQueries({ queryKey: trpc.imports.byId.queryKey({ importId: view.id }) }),
    }),
  );
  if (sheets.length < 2) return null;
  const canChoose = canWrite && (view.status === "mapped" || view.status === "validated");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    choose.mutate({ importId: view.id, sheet: chosen });
  }

  return (
    <form className="form sheet-choice" onSubmit={onSubmit} data-testid="sheet-choice">
      <div className="field">
        <label htmlFor={selectId}>The workbook has {sheets.length} sheets. Read from</label>
        <select
          id={selectId}
          value={chosen}
          disabled={!canChoose || choose.isPending}
          onChange={(event) => setChosen(event.currentTarget.value)}
          data-testid="sheet-select"
        >
          {sheets.map((sheet) => (
            <option key={sheet.name} value={sheet.name}>
              {sheet.name}
              {sheet.isHidden ? " (hidden in Excel)" : ""}
            </option>
          ))}
        </select>
      </div>
      {canChoose && chosen !== current ? (
        <div className="actions">
          <button type="submit" className="button" disabled={choose.isPending} data-testid="sheet-read">
            {choose.isPending ? "Starting…" : `Read “${chosen}” instead`}
          </button>
          <span className="muted">
            The columns are mapped again; the current mapping and check are dropped.
          </span>
        </div>
      ) : null}
      {choose.isError ? (
        <ErrorNotice title="The sheet could not be read." summary={describeError(choose.error)} />
      ) : null}
    </form>
  );
}
