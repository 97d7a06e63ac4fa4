import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useMemo, useState } from "react";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { useTRPC } from "../trpc/client";
import { type ImportView, phoneFieldsOf } from "./imports-api";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** "Germany (+49)": the country in words with its calling code (once known), as people write a number. */
function countryLabel(country: string, callingCode: string | undefined): string {
  const name = regionNames.of(country) ?? country;
  return callingCode === undefined ? name : `${name} (+${callingCode})`;
}

/**
 * Phone numbers written without `+country` are read in one country: which one, why (the analysis
 * inferred it from the file, or an operator chose it), and — for members, once the columns are
 * mapped — a choice of another, which checks the rows again. Shown only when a column goes to a phone
 * field, the only values the region changes.
 */
export function RegionChoice({ view, canWrite }: { view: ImportView; canWrite: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const selectId = useId();
  const region = view.region;
  const phoneFields = phoneFieldsOf(view.entity);
  const readsPhones = view.mapping.some((entry) => entry.field !== null && phoneFields.has(entry.field));
  const [chosen, setChosen] = useState(region?.country ?? "");
  const regions = useQuery({
    ...trpc.imports.phoneRegions.queryOptions(),
    enabled: readsPhones && region !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const options = useMemo(
    () =>
      (regions.data ?? [])
        .map((entry) => ({ value: entry.country, label: countryLabel(entry.country, entry.callingCode) }))
        .sort((a, b) => a.label.localeCompare(b.label, "en")),
    [regions.data],
  );
  const check = useMutation(
    trpc.imports.validate.mutationOptions({
      onSettled: () =>
        queryClient.invalidateQueries({ queryKey: trpc.imports.byId.queryKey({ importId: view.id }) }),
    }),
  );
  if (region === null || !readsPhones) return null;
  const canChoose = canWrite && (view.status === "mapped" || view.status === "validated");
  const callingCode = regions.data?.find((entry) => entry.country === region.country)?.callingCode;
  const current = region.country === null ? null : countryLabel(region.country, callingCode);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (chosen !== "") check.mutate({ importId: view.id, defaultCountry: chosen });
  }

  return (
    <form className="form region-choice" onSubmit={onSubmit} data-testid="region-choice">
      <p data-testid="region-summary">
        {current === null
          ? "Phone numbers without a country code cannot be read yet: choose the country they are from."
          : `Phone numbers without a country code are read as ${current} numbers.`}{" "}
        <span className="muted">{region.reason}.</span>
      </p>
      {canChoose ? (
        <div className="field">
          <label htmlFor={selectId}>Read them as numbers from</label>
          <select
            id={selectId}
            value={chosen}
            disabled={check.isPending || regions.isPending}
            onChange={(event) => setChosen(event.currentTarget.value)}
            data-testid="region-select"
          >
            {region.country === null ? <option value="">Choose a country…</option> : null}
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {canChoose && chosen !== "" && chosen !== region.country ? (
        <div className="actions">
          <button type="submit" className="button" disabled={check.isPending} data-testid="region-apply">
            {check.isPending ? "Starting…" : "Check the rows again"}
          </button>
          <span className="muted">Every row is checked again with the new country.</span>
        </div>
      ) : null}
      {regions.isError ? (
        <ErrorNotice
          title="The list of countries could not be loaded."
          summary={describeError(regions.error)}
        />
      ) : null}
      {check.isError ? (
        <ErrorNotice title="The rows could not be checked again." summary={describeError(check.error)} />
      ) : null}
    </form>
  );
}
