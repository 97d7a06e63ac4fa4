import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type Scope, scopeDescriptions, scopes } from "../auth/roles";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { TextField } from "../lib/form-field";
import {
  apiKeyNameMaxLength,
  parseExpiryDays,
  validateApiKeyName,
  validateScopeSelection,
} from "../lib/validation";
import { useTRPC } from "../trpc/client";
import { expiryChoices } from "./key-status";
import { presetScopes, type ScopePreset, scopePresetChoices } from "./scope-presets";

const nameFieldId = "api-key-name";
const scopesErrorId = "api-key-scopes-error";

/** A created key as the dialog needs it; the secret lives only as long as the dialog. */
export interface CreatedKey {
  name: string;
  secret: string;
}

/** Creates a scoped API key and hands the one-time secret to `onCreated`. */
export function CreateKeyForm({ onCreated }: { onCreated: (key: CreatedKey) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [preset, setPreset] = useState<ScopePreset>("read-only");
  const [custom, setCustom] = useState<Scope[]>([...presetScopes["read-only"]]);
  const selected = preset === "custom" ? custom : presetScopes[preset];
  const [expiry, setExpiry] = useState("");
  const [errors, setErrors] = useState<{ name?: string; scopes?: string; expiry?: string }>({});

  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      // The answer carries the secret: keep it out of the mutation cache once this form is done with it.
      gcTime: 0,
      onSuccess: async (created) => {
        onCreated({ name: created.name, secret: created.key });
        create.reset();
        setName("");
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
      },
    }),
  );

  function toggleScope(scope: Scope, isChecked: boolean) {
    setCustom((current) =>
      isChecked
        ? scopes.filter((s) => s === scope || current.includes(s))
        : current.filter((s) => s !== scope),
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const expiryDays = parseExpiryDays(expiry);
    const found = {
      name: validateApiKeyName(name) ?? undefined,
      scopes: validateScopeSelection(selected) ?? undefined,
      expiry: expiryDays.isValid ? undefined : expiryDays.error,
    };
    setErrors(found);
    if (found.name !== undefined) {
      document.getElementById(nameFieldId)?.focus();
      return;
    }
    if (found.scopes !== undefined) {
      document.getElementById(`scope-${scopes[0]}`)?.focus();
      return;
    }
    if (!expiryDays.isValid) return;
    create.mutate({
      name: name.trim(),
      scopes: [...selected],
      ...(expiryDays.days === undefined ? {} : { expiresInDays: expiryDays.days }),
    });
  }

  return (
    <section className="panel" aria-labelledby="create-key-title">
      <h2 id="create-key-title">Create an API key</h2>
      <p className="muted">
        Scripts and integrations send it with each request. A key can do only what you allow here, and only in
        this workspace.
      </p>
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={create.isPending}>
        <TextField
          id={nameFieldId}
          label="Name"
          hint="Where the key is used, e.g. “ATS sync”."
          maxLength={apiKeyNameMaxLength}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
        />
        <fieldset className="field scope-presets">
          <legend>What the key may do</legend>
          {scopePresetChoices.map((choice) => (
            <div key={choice.value} className="radio">
              <input
                type="radio"
                name="api-key-preset"
                id={`preset-${choice.value}`}
                value={choice.value}
                checked={preset === choice.value}
                onChange={() => setPreset(choice.value)}
              />
              <label htmlFor={`preset-${choice.value}`}>
                {choice.label} <span className="muted">{choice.hint}</span>
              </label>
            </div>
          ))}
        </fieldset>
        {preset === "custom" ? (
          <fieldset
            className="field scope-list"
            aria-describedby={errors.scopes === undefined ? undefined : scopesErrorId}
          >
            <legend>Permissions</legend>
            {scopes.map((scope) => (
              <div key={scope} className="checkbox">
                <input
                  type="checkbox"
                  id={`scope-${scope}`}
                  checked={custom.includes(scope)}
                  onChange={(event) => toggleScope(scope, event.target.checked)}
                />
                <label htmlFor={`scope-${scope}`}>{scopeDescriptions[scope]}</label>
              </div>
            ))}
            {errors.scopes === undefined ? null : (
              <p id={scopesErrorId} className="field-error">
                {errors.scopes}
              </p>
            )}
          </fieldset>
        ) : null}
        <div className="field">
          <label htmlFor="api-key-expiry">Expires</label>
          <select id="api-key-expiry" value={expiry} onChange={(event) => setExpiry(event.target.value)}>
            {expiryChoices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
          {errors.expiry === undefined ? null : <p className="field-error">{errors.expiry}</p>}
        </div>
        <div aria-live="polite">
          {create.isError ? (
            <ErrorNotice title="The key was not created." summary={describeError(create.error)} />
          ) : null}
        </div>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </button>
      </form>
    </section>
  );
}
