import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { productName } from "../app/sections";
import { describeError, type ErrorSummary } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { AuthCallError, runAuthCall } from "./auth-call";
import { usePreloadedAuthClient } from "./auth-client-context";
import { describeAuthError } from "./auth-errors";
import { isRole, roleLabels } from "./roles";
import { useSession } from "./session";
import { VerifyEmailNotice } from "./verify-email-notice";

/**
 * Where an invitation link leads (admins copy it from the Members page). The session gate has already
 * made the visitor sign in; the server shows the invitation only to the verified owner of the invited
 * address, so an unverified visitor is asked to confirm their email first.
 */
export function AcceptInvitationPage() {
  const { invitationId = "" } = useParams();
  const loadAuthClient = usePreloadedAuthClient();
  const me = useSession();
  const isVerified = me.user.emailVerified;
  const queryClient = useQueryClient();
  const invitationKey = ["better-auth", "invitation", invitationId];
  const navigate = useNavigate();
  const [failure, setFailure] = useState<ErrorSummary | null>(null);
  const [pending, setPending] = useState<"accept" | "decline" | null>(null);

  useEffect(() => {
    document.title = `Invitation · ${productName}`;
  }, []);

  const invitation = useQuery({
    queryKey: invitationKey,
    queryFn: async () => {
      let requestId: string | null = null;
      const { data, error } = await (await loadAuthClient()).organization.getInvitation({
        query: { id: invitationId },
        fetchOptions: {
          onResponse: (context) => {
            requestId = context.response.headers.get("x-request-id");
          },
        },
      });
      if (error !== null) {
        const fallback = "This invitation could not be loaded.";
        throw new AuthCallError(describeAuthError(error, { fallback, requestId }));
      }
      return data;
    },
    retry: false,
    enabled: isVerified,
  });

  async function respond(choice: "accept" | "decline") {
    setPending(choice);
    setFailure(null);
    const result = await runAuthCall(
      async (fetchOptions) => {
        const { organization } = await loadAuthClient();
        return choice === "accept"
          ? organization.acceptInvitation({ invitationId, fetchOptions })
          : organization.rejectInvitation({ invitationId, fetchOptions });
      },
      choice === "accept" ? "The invitation could not be accepted." : "The invitation could not be declined.",
    );
    setPending(null);
    if (!result.isOk) {
      setFailure(result.summary);
      return;
    }
    // Answered, the invitation is no longer pending: refetching it would only fail. Accepting makes the
    // invited workspace the active one, which changes what every other query returns.
    await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== invitationKey[0] });
    await navigate("/", { replace: true });
  }

  const details = invitation.data;
  return (
    <section aria-labelledby="invitation-title" data-testid="invitation-page">
      <h1 id="invitation-title">Workspace invitation</h1>
      {isVerified ? null : (
        <VerifyEmailNotice
          email={me.user.email}
          returnPath={`/invitations/${encodeURIComponent(invitationId)}`}
        />
      )}
      {isVerified && invitation.isPending ? (
        <p className="muted" role="status">
          Loading the invitation…
        </p>
      ) : null}
      {invitation.isError ? (
        <ErrorNotice
          title="This invitation cannot be used."
          summary={
            invitation.error instanceof AuthCallError
              ? invitation.error.summary
              : describeError(invitation.error)
          }
        />
      ) : null}
      {details !== undefined && details !== null ? (
        <div className="card">
          <p>
            <strong>{details.inviterEmail}</strong> invited you to join{" "}
            <strong>{details.organizationName}</strong>
            {isRole(details.role) ? ` as ${roleLabels[details.role]}` : ""}.
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              disabled={pending !== null}
              onClick={() => void respond("accept")}
            >
              {pending === "accept" ? "Joining…" : "Join workspace"}
            </button>
            <button
              type="button"
              className="button"
              disabled={pending !== null}
              onClick={() => void respond("decline")}
            >
              {pending === "decline" ? "Declining…" : "Decline"}
            </button>
          </div>
        </div>
      ) : null}
      <div aria-live="polite">
        {failure !== null ? <ErrorNotice title="Nothing changed." summary={failure} /> : null}
      </div>
    </section>
  );
}
