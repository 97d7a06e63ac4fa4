import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { useTRPC } from "../trpc/client";
import { entityFields, type FixTransform, type ImportView, transformLabels } from "./imports-api";
import type { FixRequest } from "./row-card";

/** Parses "old = new" lines into a value map; lines without "=" are ignored, blank keys refused. */
export function parseValueMap(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const equals = line.indexOf("=");
    if (equals < 0) continue;
    const from = line.slice(0, equals).trim();
    if (from !== "") map[from] = line.slice(equals + 1).trim();
  }
  return map;
}

/**
 * Fix a column in bulk: a transform (trim, case, digits only…) or a value map ("Full-time = full_time").
 * The server re-checks only the rows the fix changes and the page follows the job. Opened from a row's
 * "Fix this column", it starts on that field, with the checker's suggestion as the first replacement.
 */
export function FixForm({ view, request }: { view: ImportView; request: FixRequest | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = { field: useId(), kind: useId(), transform: useId(), map: useId() };
  const mapped = new Set(view.mapping.flatMap((entry) => (entry.field === null ? [] : [entry.field])));
  const fields = entityFields(view.entity).filter((field) => mapped.has(field.name));
  const [field, setField] = useState(request?.field ?? fields[0]?.name ?? "");
  const [kind, setKind] = useState<"transform" | "valueMap">(
    request?.replace === undefined ? "transform" : "valueMap",
  );
  const [transform, setTransform] = useState<FixTransform>("trim");
  const [mapText, setMapText] = useState(
    request?.replace === undefined ? "" : `${request.replace.from} = ${request.replace.to}`,
  );
  const [formError, setFormError] = useState<string | null>(null);
  const fix = useMutation(
    trpc.imports.fix.mutationOptions({
      onSettled: () =>
        queryClient.invalidateQueries({ queryKey: trpc.imports.byId.queryKey({ importId: view.id }) }),
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (kind === "transform") {
      setFormError(null);
      fix.mutate({ importId: view.id, field, transform });
      return;
    }
    const valueMap = parseValueMap(mapText);
    if (Object.keys(valueMap).length === 0) {
      setFormError("Write at least one line like “old value = new value”.");
      return;
    }
    setFormError(null);
    fix.mutate({ importId: view.id, field, valueMap });
  }

  if (fields.length === 0) return null;
  return (
    <form className="form fix-form" onSubmit={onSubmit} data-testid="fix-form" aria-labelledby="fix-title">
      <h3 id="fix-title">Fix a column in bulk</h3>
      <div className="field">
        <label htmlFor={ids.field}>Field</label>
        <select id={ids.field} value={field} onChange={(event) => setField(event.currentTarget.value)}>
          {fields.map((option) => (
            <option key={option.name} value={option.name}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.kind}>Fix</label>
        <select
          id={ids.kind}
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as "transform" | "valueMap")}
        >
          <option value="transform">Apply a transform</option>
          <option value="valueMap">Replace values</option>
        </select>
      </div>
      {kind === "transform" ? (
        <div className="field">
          <label htmlFor={ids.transform}>Transform</label>
          <select
            id={ids.transform}
            value={transform}
            onChange={(event) => setTransform(event.currentTarget.value as FixTransform)}
          >
            {Object.entries(transformLabels).map(([name, label]) => (
              <option key={name} value={name}>
                {label}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="field">
          <label htmlFor={ids.map}>Replacements, one per line: old value = new value</label>
          <textarea
            id={ids.map}
            rows={4}
            value={mapText}
            onChange={(event) => setMapText(event.currentTarget.value)}
          />
        </div>
      )}
      {formError !== null ? (
        <p className="field-error" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button" disabled={fix.isPending || view.status !== "validated"}>
          {fix.isPending ? "Applying…" : "Apply fix"}
        </button>
      </div>
      {fix.isError ? (
        <ErrorNotice title="The fix was not applied." summary={describeError(fix.error)} />
      ) : null}
    </form>
  );
}
