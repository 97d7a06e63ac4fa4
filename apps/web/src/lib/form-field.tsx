import type { InputHTMLAttributes, ReactNode } from "react";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "aria-invalid"> {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
}

/**
 * A labelled input whose hint and error are tied to it with `aria-describedby`, so a screen reader reads
 * the rule and the problem together with the field.
 */
export function TextField({ id, label, error, hint, ...inputProps }: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint === undefined ? null : hintId, error === undefined ? null : errorId]
    .filter((part) => part !== null)
    .join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint === undefined ? null : (
        <div id={hintId} className="field-hint">
          {hint}
        </div>
      )}
      <input
        id={id}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy === "" ? undefined : describedBy}
        {...inputProps}
      />
      {error === undefined ? null : (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Moves focus to the first field named in `errors`, in the order the form lists its fields. */
export function focusFirstError(errors: Partial<Record<string, string>>, fieldIds: Record<string, string>) {
  const first = Object.keys(fieldIds).find((field) => errors[field] !== undefined);
  if (first !== undefined) document.getElementById(fieldIds[first] ?? "")?.focus();
}
