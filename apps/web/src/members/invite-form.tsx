import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type Role, roleLabels } from "../auth/roles";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { TextField } from "../lib/form-field";
import { validateEmail } from "../lib/validation";
import { useTRPC } from "../trpc/client";

const emailFieldId = "invite-email";

/** Invites someone by email with one of the roles the viewer may grant. */
export function InviteForm({ roleChoices }: { roleChoices: Role[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("member");
  const [emailError, setEmailError] = useState<string | undefined>(undefined);
  const [announcement, setAnnouncement] = useState("");

  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: async (_result, variables) => {
        setAnnouncement(`Invitation created for ${variables.email}. Copy its link from the list below.`);
        setEmail("");
        await queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const error = validateEmail(email);
    setEmailError(error ?? undefined);
    setAnnouncement("");
    if (error !== null) {
      document.getElementById(emailFieldId)?.focus();
      return;
    }
    invite.mutate({ email: email.trim(), role });
  }

  return (
    <section className="panel" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      <form className="form form-inline" noValidate onSubmit={onSubmit} aria-busy={invite.isPending}>
        <TextField
          id={emailFieldId}
          label="Email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={emailError}
        />
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {roleChoices.map((choice) => (
              <option key={choice} value={choice}>
                {roleLabels[choice]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={invite.isPending}>
          {invite.isPending ? "Inviting…" : "Send invitation"}
        </button>
      </form>
      <p className="muted" aria-live="polite" data-testid="invite-status">
        {announcement}
      </p>
      {invite.isError ? (
        <ErrorNotice title="The invitation was not created." summary={describeError(invite.error)} />
      ) : null}
    </section>
  );
}
