import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";

interface EditableTextProps {
  /** What the field is, for the edit button and the input's label ("name", "headline"). */
  label: string;
  value: string | null;
  /** Rendered when not editing; defaults to the value, or a muted "Not given". */
  display?: ReactNode;
  onSave: (next: string) => void;
  type?: "text" | "email" | "tel";
  maxLength?: number;
  testId?: string;
}

/**
 * Edit in place: the value with an Edit button; editing shows a labelled input with Save and Cancel
 * (Escape cancels). Focus goes to the input on edit and back to the Edit button afterwards.
 */
export function EditableText({
  label,
  value,
  display,
  onSave,
  type = "text",
  maxLength = 200,
  testId,
}: EditableTextProps) {
  const inputId = useId();
  const [isEditing, setIsEditing] = useState(false);
  const [draft, setDraft] = useState(value ?? "");
  const editRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (isEditing) inputRef.current?.focus();
    else if (wasEditing.current) editRef.current?.focus();
    wasEditing.current = isEditing;
  }, [isEditing]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setIsEditing(false);
    if (draft.trim() !== (value ?? "").trim()) onSave(draft);
  };

  if (isEditing) {
    return (
      <form
        className="inline-edit"
        onSubmit={submit}
        data-testid={testId === undefined ? undefined : `${testId}-form`}
      >
        <label htmlFor={inputId} className="visually-hidden">
          {label}
        </label>
        <input
          ref={inputRef}
          id={inputId}
          type={type}
          value={draft}
          maxLength={maxLength}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              setIsEditing(false);
            }
          }}
        />
        <button type="submit" className="button button-small button-primary">
          Save
        </button>
        <button type="button" className="button button-small" onClick={() => setIsEditing(false)}>
          Cancel
        </button>
      </form>
    );
  }

  return (
    <div className="editable" data-testid={testId}>
      <div className="editable-value">
        {display ?? (value === null || value === "" ? <span className="muted">Not given</span> : value)}
      </div>
      <button
        ref={editRef}
        type="button"
        className="button-link"
        onClick={() => {
          setDraft(value ?? "");
          setIsEditing(true);
        }}
      >
        Edit<span className="visually-hidden"> {label}</span>
      </button>
    </div>
  );
}
