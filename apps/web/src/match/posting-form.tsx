import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { TextField } from "../lib/form-field";
import { formatCount } from "../lib/format";
import { useTRPC } from "../trpc/client";
import { postingPath } from "./paths";
import { postingTextMaxChars, postingTextProblem } from "./posting-checks";

const labelMaxChars = 300;

/**
 * Paste a job posting (title and company optional) → `postings.create` → the posting's page, where its
 * requirements are shown highlighted in the text. Members and up.
 */
export function PostingForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [text, setText] = useState("");
  const [title, setTitle] = useState("");
  const [company, setCompany] = useState("");
  const [textError, setTextError] = useState<string | undefined>(undefined);
  const create = useMutation(
    trpc.postings.create.mutationOptions({
      onSuccess: ({ postingId }) => {
        void queryClient.invalidateQueries({ queryKey: trpc.postings.list.pathKey() });
        void navigate(postingPath(postingId));
      },
    }),
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problem = postingTextProblem(text);
    setTextError(problem);
    if (problem !== undefined) {
      document.getElementById("posting-text")?.focus();
      return;
    }
    const optional = (value: string) => (value.trim() === "" ? undefined : value.trim());
    create.mutate({ text, title: optional(title), company: optional(company) });
  };

  return (
    <form className="form posting-form" onSubmit={onSubmit} noValidate data-testid="posting-form">
      <div className="posting-form-labels">
        <TextField
          id="posting-title"
          label="Job title (optional)"
          value={title}
          maxLength={labelMaxChars}
          onChange={(event) => setTitle(event.target.value)}
        />
        <TextField
          id="posting-company"
          label="Company (optional)"
          value={company}
          maxLength={labelMaxChars}
          onChange={(event) => setCompany(event.target.value)}
        />
      </div>
      <div className="field posting-text-field">
        <label htmlFor="posting-text">Job posting</label>
        <div id="posting-text-hint" className="field-hint">
          Paste the whole posting; every line is read. {formatCount(text.length)} of{" "}
          {formatCount(postingTextMaxChars)} characters.
        </div>
        <textarea
          id="posting-text"
          rows={10}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={textError === undefined ? undefined : true}
          aria-describedby={
            textError === undefined ? "posting-text-hint" : "posting-text-hint posting-text-error"
          }
        />
        {textError === undefined ? null : (
          <p id="posting-text-error" className="field-error">
            {textError}
          </p>
        )}
      </div>
      {create.isError ? (
        <ErrorNotice
          title="The posting was not added."
          summary={describeError(create.error)}
          testId="posting-create-error"
        />
      ) : null}
      <button
        type="submit"
        className="button button-primary"
        disabled={create.isPending}
        data-testid="posting-submit"
      >
        {create.isPending ? "Reading the posting…" : "Add posting"}
      </button>
    </form>
  );
}
