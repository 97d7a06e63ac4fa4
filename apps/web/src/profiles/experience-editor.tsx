import { dateRangeMessages, dateRangeProblem } from "@vitae/contracts";
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import type { ExperiencePatch } from "./profile-patch";
import { parseYearMonthInput } from "./year-month";

export interface EditableExperience {
  id: string;
  title: string;
  company: string;
  start: string | null;
  end: string | null;
}

interface ExperienceEditorProps {
  experience: EditableExperience;
  onSave: (patch: ExperiencePatch) => void;
  onClose: () => void;
}

type Errors = Partial<Record<"title" | "company" | "start" | "end", string>>;

/** Corrects one role's title, company and dates. Month inputs give "YYYY-MM", the contract's format. */
export function ExperienceEditor({ experience, onSave, onClose }: ExperienceEditorProps) {
  const id = useId();
  const [title, setTitle] = useState(experience.title);
  const [company, setCompany] = useState(experience.company);
  const [start, setStart] = useState(experience.start ?? "");
  const [isCurrent, setIsCurrent] = useState(experience.end === "present");
  const [end, setEnd] = useState(experience.end === "present" ? "" : (experience.end ?? ""));
  const [errors, setErrors] = useState<Errors>({});
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => titleRef.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Errors = {};
    if (title.trim() === "") next.title = "Enter the job title.";
    if (company.trim() === "") next.company = "Enter the company.";
    const parsedStart = parseYearMonthInput(start);
    const parsedEnd = isCurrent ? ({ isValid: true, value: "present" } as const) : parseYearMonthInput(end);
    if (!parsedStart.isValid) next.start = parsedStart.error;
    if (!parsedEnd.isValid) next.end = parsedEnd.error;
    // The rule the server applies too: no start in the future, no end before the start.
    const problem =
      parsedStart.isValid && parsedEnd.isValid ? dateRangeProblem(parsedStart.value, parsedEnd.value) : null;
    if (problem !== null) next[problem === "start-in-future" ? "start" : "end"] = dateRangeMessages[problem];
    setErrors(next);
    if (Object.keys(next).length > 0 || !parsedStart.isValid || !parsedEnd.isValid) return;
    onSave({
      id: experience.id,
      title: title.trim(),
      company: company.trim(),
      start: parsedStart.value,
      end: parsedEnd.value,
    });
    onClose();
  };

  const field = (name: keyof Errors, label: string, input: ReactNode) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {input}
      {errors[name] === undefined ? null : (
        <p id={`${id}-${name}-error`} className="field-error">
          {errors[name]}
        </p>
      )}
    </div>
  );
  const describedBy = (name: keyof Errors) =>
    errors[name] === undefined ? undefined : `${id}-${name}-error`;

  return (
    <form
      className="form form-inline experience-editor"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
      }}
      aria-label={`Correct ${experience.title} at ${experience.company}`}
      data-testid="experience-editor"
    >
      {field(
        "title",
        "Title",
        <input
          ref={titleRef}
          id={`${id}-title`}
          value={title}
          maxLength={200}
          aria-invalid={errors.title === undefined ? undefined : true}
          aria-describedby={describedBy("title")}
          onChange={(event) => setTitle(event.target.value)}
        />,
      )}
      {field(
        "company",
        "Company",
        <input
          id={`${id}-company`}
          value={company}
          maxLength={200}
          aria-invalid={errors.company === undefined ? undefined : true}
          aria-describedby={describedBy("company")}
          onChange={(event) => setCompany(event.target.value)}
        />,
      )}
      {field(
        "start",
        "Start (year and month)",
        <input
          id={`${id}-start`}
          type="month"
          value={start}
          aria-invalid={errors.start === undefined ? undefined : true}
          aria-describedby={describedBy("start")}
          onChange={(event) => setStart(event.target.value)}
        />,
      )}
      {field(
        "end",
        "End (year and month)",
        <input
          id={`${id}-end`}
          type="month"
          value={end}
          disabled={isCurrent}
          aria-invalid={errors.end === undefined ? undefined : true}
          aria-describedby={describedBy("end")}
          onChange={(event) => setEnd(event.target.value)}
        />,
      )}
      <div className="checkbox">
        <input
          id={`${id}-current`}
          type="checkbox"
          checked={isCurrent}
          onChange={(event) => setIsCurrent(event.target.checked)}
        />
        <label htmlFor={`${id}-current`}>Works here now</label>
      </div>
      <div className="actions form-wide">
        <button type="submit" className="button button-primary button-small">
          Save
        </button>
        <button type="button" className="button button-small" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
