import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { runAuthCall } from "../auth/auth-call";
import { useAuthClient } from "../auth/auth-client-context";
import { useSession } from "../auth/session";
import type { ErrorSummary } from "../lib/describe-error";
import { Disclosure } from "../lib/disclosure";
import { ErrorNotice } from "../lib/error-notice";
import { ThemeToggle } from "../theme/theme-toggle";

/** Up to two initials of a display name ("Marisol Okafor" → "MO"); "?" for a blank one. */
export function initialsOf(name: string): string {
  const letters = name
    .trim()
    .split(/\s+/)
    .filter((word) => word !== "")
    .map((word) => (Array.from(word)[0] ?? "").toUpperCase());
  if (letters.length === 0) return "?";
  return letters.length <= 2 ? letters.join("") : `${letters[0]}${letters.at(-1)}`;
}

/**
 * The account toggle's accessible name: "Account: Marisol Okafor, MO". It holds both texts the toggle
 * may show (the name on a wide screen, the initials on a phone) as plain words, so speech-input users
 * can say what they see (WCAG 2.5.3). Not in parentheses: axe-core ≥ 4.14 drops parenthesised text
 * before comparing, and so would some speech engines.
 */
export function accountLabel(name: string): string {
  return `Account: ${name}, ${initialsOf(name)}`;
}

/** The account menu in the header: who is signed in, the operator's Outbox and Queues, appearance, signing out. */
export function UserMenu() {
  const me = useSession();
  const loadAuthClient = useAuthClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<ErrorSummary | null>(null);
  const [isSigningOut, setIsSigningOut] = useState(false);

  async function signOut() {
    setIsSigningOut(true);
    setFailure(null);
    const result = await runAuthCall(
      async (fetchOptions) => (await loadAuthClient()).signOut({ fetchOptions }),
      "We could not sign you out. Try again in a moment.",
    );
    setIsSigningOut(false);
    if (!result.isOk) {
      setFailure(result.summary);
      return;
    }
    // Every cached answer belonged to the old session; none may be shown to whoever signs in next.
    queryClient.clear();
    await navigate("/sign-in", { replace: true });
  }

  return (
    <Disclosure
      button={
        <>
          <span className="user-name">{me.user.name}</span>
          {/* A phone's header has room for initials only; the toggle's label still names the account. */}
          <span className="user-initials">{initialsOf(me.user.name)}</span>
        </>
      }
      label={accountLabel(me.user.name)}
      testId="user-menu"
    >
      {() => (
        <div className="menu-panel">
          <p className="menu-caption">
            Signed in as <strong>{me.user.email}</strong>
          </p>
          {me.user.isOperator ? (
            <p>
              <Link to="/outbox" data-testid="nav-outbox">
                Outbox
              </Link>{" "}
              <span className="muted">(mail waiting for people on this instance)</span>
            </p>
          ) : null}
          {me.user.isOperator ? (
            <p>
              Operations →{" "}
              <Link to="/operations/queues" data-testid="nav-queues">
                Queues
              </Link>{" "}
              <span className="muted">(background jobs of every workspace)</span>
            </p>
          ) : null}
          <ThemeToggle />
          <button
            type="button"
            className="button"
            onClick={() => void signOut()}
            disabled={isSigningOut}
            data-testid="sign-out"
          >
            {isSigningOut ? "Signing out…" : "Sign out"}
          </button>
          {failure !== null ? <ErrorNotice title="Sign-out failed." summary={failure} /> : null}
        </div>
      )}
    </Disclosure>
  );
}
