import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { productName } from "../app/sections";
import { safeRedirectTarget } from "../auth/redirect-target";
import { useSession } from "../auth/session";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { TextField } from "../lib/form-field";
import { validateWorkspaceName, workspaceNameMaxLength } from "../lib/validation";
import { useTRPC } from "../trpc/client";

const nameFieldId = "workspace-name";

/**
 * Creates a workspace; the caller becomes its owner and it becomes active. New accounts land here first,
 * then continue to the page they originally asked for.
 */
export function CreateWorkspacePage() {
  const trpc = useTRPC();
  const me = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const isFirst = me.workspace === null;

  useEffect(() => {
    document.title = `Create a workspace · ${productName}`;
  }, []);

  const create = useMutation(
    trpc.workspaces.create.mutationOptions({
      onSuccess: async () => {
        // The new workspace is now the active one: every cached answer belonged to the previous one.
        await queryClient.invalidateQueries();
        await navigate(safeRedirectTarget(searchParams.get("next")), { replace: true });
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const error = validateWorkspaceName(name);
    setNameError(error ?? undefined);
    if (error !== null) {
      document.getElementById(nameFieldId)?.focus();
      return;
    }
    create.mutate({ name: name.trim() });
  }

  return (
    <section aria-labelledby="create-workspace-title" data-testid="create-workspace-page">
      <h1 id="create-workspace-title">{isFirst ? "Create your first workspace" : "Create a workspace"}</h1>
      <p className="lead">
        {isFirst
          ? "A workspace holds your team's résumés, members and API keys. You will be its owner, and you can invite others afterwards."
          : "You will be the owner of the new workspace, and it becomes your active one."}
      </p>
      <form className="form card" noValidate onSubmit={onSubmit} aria-busy={create.isPending}>
        <TextField
          id={nameFieldId}
          label="Workspace name"
          autoComplete="organization"
          maxLength={workspaceNameMaxLength}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={nameError}
        />
        <div aria-live="polite">
          {create.isError ? (
            <ErrorNotice
              title="The workspace was not created."
              summary={describeError(create.error)}
              testId="create-workspace-error"
            />
          ) : null}
        </div>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create workspace"}
        </button>
      </form>
    </section>
  );
}
