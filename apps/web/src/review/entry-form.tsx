import { dateRangeMessages, dateRangeProblem } from "@vitae/contracts";
import { type FormEvent, type ReactNode, useId, useState } from "react";

/** One input of an entry form: text, a long text (one item per line), a month, or a "still here" box. */
export interface EntryField {
  name: string;
  label: string;
  kind: "text" | "lines" | "month" | "current";
  isRequired?: boolean;
}

export type EntryValues = Record<string, string | boolean>;

/** Problems of `values`, by field name: required fields and the date rule of `@vitae/contracts`. */
export function entryErrors(fields: readonly EntryField[], values: EntryValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    if (field.isRequired && String(values[field.name] ?? "").trim() === "")
      errors[field.name] = `Enter the ${field.label.toLowerCase()}.`;
  }
  const start = String(values.start ?? "") || null;
  const end = values.current === true ? "present" : String(values.end ?? "") || null;
  const problem = dateRangeProblem(start, end);
  if (problem !== null) errors[problem === "start-in-future" ? "start" : "end"] = dateRangeMessages[problem];
  return errors;
}

/**
 * A labelled form for one entry (a role, a school, a project): errors are shown next to their field and
 * announced, and nothing is sent until they are fixed. `source` is the text the entry came from, so the
 * review view can highlight its lines while the form has focus.
 */
export function EntryForm({
  fields,
  initial,
  submitLabel,
  onSubmit,
  actions,
  source,
  label,
  testId,
}: {
  fields: readonly EntryField[];
  initial: EntryValues;
  submitLabel: string;
  onSubmit: (values: EntryValues) => Promise<boolean>;
  actions?: ReactNode;
  source?: string;
  label: string;
  testId?: string;
}) {
  const id = useId();
  const [values, setValues] = useState<EntryValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = entryErrors(fields, values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await onSubmit(values);
  };
  const set = (name: string, value: string | boolean) =>
    setValues((current) => ({ ...current, [name]: value }));

  return (
    <form
      className="entry-form"
      onSubmit={(event) => void submit(event)}
      aria-label={label}
      data-source={source}
      data-testid={testId}
    >
      {fields.map((field) => {
        const inputId = `${id}-${field.name}`;
        const error = errors[field.name];
        const described = error === undefined ? undefined : `${inputId}-error`;
        const value = values[field.name];
        if (field.kind === "current") {
          return (
            <div className="checkbox" key={field.name}>
              <input
                id={inputId}
                type="checkbox"
                checked={value === true}
                onChange={(event) => set(field.name, event.target.checked)}
              />
              <label htmlFor={inputId}>{field.label}</label>
            </div>
          );
        }
        return (
          <div className={field.kind === "lines" ? "field entry-wide" : "field"} key={field.name}>
            <label htmlFor={inputId}>{field.label}</label>
            {field.kind === "lines" ? (
              <textarea
                id={inputId}
                rows={4}
                value={String(value ?? "")}
                onChange={(event) => set(field.name, event.target.value)}
              />
            ) : (
              <input
                id={inputId}
                type={field.kind === "month" ? "month" : "text"}
                value={String(value ?? "")}
                maxLength={field.kind === "month" ? undefined : 200}
                disabled={field.name === "end" && values.current === true}
                aria-invalid={error === undefined ? undefined : true}
                aria-describedby={described}
                onChange={(event) => set(field.name, event.target.value)}
              />
            )}
            {error !== undefined ? (
              <p id={described} className="field-error" role="alert">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <div className="actions entry-wide">
        <button type="submit" className="button button-small button-primary">
          {submitLabel}
        </button>
        {actions}
      </div>
    </form>
  );
}

/** A form value as a nullable trimmed text (empty → null). */
export function textOrNull(value: string | boolean | undefined): string | null {
  const text = String(value ?? "").trim();
  return text === "" ? null : text;
}

/** A "one per line" form value as its non-empty lines. */
export function linesOf(value: string | boolean | undefined): string[] {
  return String(value ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}
