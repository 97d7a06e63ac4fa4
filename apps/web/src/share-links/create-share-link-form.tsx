import { type FormEvent, useState } from "react";
import { expiryChoices } from "../api-keys/key-status";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { TextField } from "../lib/form-field";
import { parseExpiryDays } from "../lib/validation";
import { type CreatedShareLink, useCreateShareLink } from "./share-links-api";

const labelMaxLength = 100;

/** Creates a share link (optional label and expiry) and hands the one-time URL to `onCreated`. */
export function CreateShareLinkForm({
  profileId,
  onCreated,
}: {
  profileId: string;
  onCreated: (created: CreatedShareLink, label: string | null) => void;
}) {
  const create = useCreateShareLink();
  const [label, setLabel] = useState("");
  const [expiry, setExpiry] = useState("30");
  const [expiryError, setExpiryError] = useState<string | undefined>(undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const days = parseExpiryDays(expiry);
    if (!days.isValid) {
      setExpiryError(days.error);
      return;
    }
    setExpiryError(undefined);
    const trimmed = label.trim();
    create.mutate(
      {
        profileId,
        ...(trimmed === "" ? {} : { label: trimmed }),
        ...(days.days === undefined ? {} : { expiresInDays: days.days }),
      },
      {
        onSuccess: (created) => {
          onCreated(created, trimmed === "" ? null : trimmed);
          create.reset();
          setLabel("");
        },
      },
    );
  }

  return (
    <form
      className="form form-inline"
      noValidate
      onSubmit={onSubmit}
      aria-busy={create.isPending}
      aria-label="Create a share link"
    >
      <TextField
        id="share-link-label"
        label="Label (optional)"
        hint="Who the link is for, e.g. “Acme hiring team”."
        maxLength={labelMaxLength}
        value={label}
        onChange={(event) => setLabel(event.target.value)}
      />
      <div className="field">
        <label htmlFor="share-link-expiry">Expires</label>
        <select
          id="share-link-expiry"
          value={expiry}
          onChange={(event) => setExpiry(event.target.value)}
          aria-invalid={expiryError === undefined ? undefined : true}
        >
          {expiryChoices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        {expiryError === undefined ? null : <p className="field-error">{expiryError}</p>}
      </div>
      <button
        type="submit"
        className="button button-primary"
        disabled={create.isPending}
        data-testid="create-share-link"
      >
        {create.isPending ? "Creating…" : "Create link"}
      </button>
      <div aria-live="polite" className="form-wide">
        {create.isError ? (
          <ErrorNotice title="The link was not created." summary={describeError(create.error)} />
        ) : null}
      </div>
    </form>
  );
}
