import { useQuery } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext } from "react";
import { Navigate, useLocation } from "react-router";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { useReveal } from "../lib/use-reveal";
import { useTRPC } from "../trpc/client";
import type { Me } from "../trpc/types";
import { signInPathFor } from "./redirect-target";
import { isRole, type Role } from "./roles";

const SessionContext = createContext<Me | null>(null);

/** The signed-in caller (`auth.me`). Only valid below `<SessionGate>`, which renders nothing else. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (me === null) throw new Error("useSession must be used below <SessionGate>.");
  return me;
}

/** The caller's role in the active workspace, or `null` without one. */
export function roleOf(me: Me): Role | null {
  const role = me.workspace?.role;
  return isRole(role) ? role : null;
}

export function isUnauthenticated(error: unknown): boolean {
  return describeError(error).code === "UNAUTHENTICATED";
}

/**
 * Renders its children only for a signed-in caller. A signed-out visit goes to sign-in carrying the
 * requested path, so the user lands back on it afterwards — except at the site root, which shows
 * `signedOutHome` when given.
 */
export function SessionGate({ children, signedOutHome }: { children: ReactNode; signedOutHome?: ReactNode }) {
  const trpc = useTRPC();
  const location = useLocation();
  const me = useQuery(trpc.auth.me.queryOptions());
  // The whole signed-in page renders behind this gate at once: in slices, so it does not block input.
  const isRevealed = useReveal(me.data !== undefined);

  if (me.data !== undefined && isRevealed) {
    return <SessionContext.Provider value={me.data}>{children}</SessionContext.Provider>;
  }
  if (me.isPending || me.data !== undefined) {
    return (
      <p className="container muted app-main" role="status">
        Loading your account…
      </p>
    );
  }
  if (isUnauthenticated(me.error)) {
    if (location.pathname === "/" && signedOutHome !== undefined) return signedOutHome;
    return <Navigate to={signInPathFor(location)} replace />;
  }
  return (
    <main className="container app-main" id="main">
      <h1>Vitae</h1>
      <ErrorNotice
        title="Your account could not be loaded."
        summary={describeError(me.error)}
        testId="session-error"
      />
      <p>
        <button type="button" className="button" onClick={() => void me.refetch()}>
          Try again
        </button>
      </p>
    </main>
  );
}
