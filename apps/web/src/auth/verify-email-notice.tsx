import { useState } from "react";
import type { ErrorSummary } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { runAuthCall } from "./auth-call";
import { useAuthClient } from "./auth-client-context";

/**
 * Asks the signed-in user to confirm their address before an invitation can be seen or answered (the
 * server refuses until then). The link returns to `returnPath`. Without a mail server the message waits
 * on the instance operator's Outbox page, which the text says, so nobody is left waiting for mail.
 */
export function VerifyEmailNotice({ email, returnPath }: { email: string; returnPath: string }) {
  const loadAuthClient = useAuthClient();
  const [state, setState] = useState<"idle" | "sending" | "sent">("idle");
  const [failure, setFailure] = useState<ErrorSummary | null>(null);

  async function send() {
    setState("sending");
    setFailure(null);
    const result = await runAuthCall(
      async (fetchOptions) =>
        (await loadAuthClient()).sendVerificationEmail({ email, callbackURL: returnPath, fetchOptions }),
      "The confirmation link could not be sent. Try again in a moment.",
    );
    if (!result.isOk) {
      setState("idle");
      setFailure(result.summary);
      return;
    }
    setState("sent");
  }

  return (
    <div className="card" data-testid="verify-email">
      <p>
        First confirm that <strong>{email}</strong> is your address: open the link we emailed you when you
        signed up. Invitations are only shown to the verified owner of the invited address.
      </p>
      <p className="muted">
        No email arrived? If this Vitae runs without a mail server, its operator finds your link on the Outbox
        page and can pass it on.
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={state === "sending"}
          onClick={() => void send()}
        >
          {state === "sending" ? "Sending…" : "Send a new link"}
        </button>
      </div>
      <div aria-live="polite">
        {state === "sent" ? <p role="status">A new link is on its way to {email}.</p> : null}
        {failure !== null ? <ErrorNotice title="Nothing was sent." summary={failure} /> : null}
      </div>
    </div>
  );
}
