import { type FormEvent, useState } from "react";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { TextField } from "../lib/form-field";
import { defaultShareLinkExpiryDays, shareLinkExpiryChoices, visitorSees } from "./share-link-visibility";
import { type CreatedShareLink, useCreateShareLink } from "./share-links-api";

const labelMaxLength = 100;

/**
 * Creates a share link (optional label, an expiry, contact details off unless ticked) and hands the
 * one-time URL to `onCreated`.
 */
export function CreateShareLinkForm({
  profileId,
  onCreated,
}: {
  profileId: string;
  onCreated: (created: CreatedShareLink, label: string | null) => void;
}) {
  const create = useCreateShareLink();
  const [label, setLabel] = useState("");
  const [expiresInDays, setExpiresInDays] = useState(defaultShareLinkExpiryDays);
  const [showContact, setShowContact] = useState(false);
  const sees = visitorSees(showContact);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = label.trim();
    create.mutate(
      { profileId, ...(trimmed === "" ? {} : { label: trimmed }), expiresInDays, showContact },
      {
        onSuccess: (created) => {
          onCreated(created, trimmed === "" ? null : trimmed);
          create.reset();
          setLabel("");
          setShowContact(false);
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
          value={expiresInDays}
          onChange={(event) => setExpiresInDays(Number(event.target.value))}
        >
          {shareLinkExpiryChoices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <div className="checkbox form-wide">
        <input
          type="checkbox"
          id="share-link-show-contact"
          checked={showContact}
          onChange={(event) => setShowContact(event.target.checked)}
          aria-describedby="share-link-visibility"
          data-testid="share-link-show-contact"
        />
        <label htmlFor="share-link-show-contact">
          Show my contact details (email, phone number and links) to visitors
        </label>
      </div>
      <p id="share-link-visibility" className="muted form-wide" data-testid="share-link-visibility">
        Visitors will see {sees.shown}. They will not see {sees.withheld}.
      </p>
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
