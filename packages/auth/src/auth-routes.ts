/** One better-auth endpoint the API exposes under `/api/auth`. */
export interface AuthRoute {
  method: "GET" | "POST";
  /** The path below `/api/auth`, as better-auth names it. */
  path: string;
  /** Takes a password, a token or an invitation: limited by the `auth` tier per IP and per account. */
  isCredential: boolean;
}

/**
 * The closed list of better-auth endpoints reachable over HTTP: exactly what the web app uses (sign-up,
 * sign-in, sign-out, the session, password change, email verification, and answering an invitation).
 * Everything else better-auth offers — notably the organization endpoints that change workspaces,
 * members, roles and invitations — stays unmounted: those changes go through the audited tRPC procedures.
 */
export const authRoutes: readonly AuthRoute[] = [
  { method: "POST", path: "/sign-up/email", isCredential: true },
  { method: "POST", path: "/sign-in/email", isCredential: true },
  { method: "POST", path: "/sign-out", isCredential: false },
  { method: "GET", path: "/get-session", isCredential: false },
  { method: "POST", path: "/change-password", isCredential: true },
  { method: "POST", path: "/send-verification-email", isCredential: true },
  { method: "GET", path: "/verify-email", isCredential: true },
  { method: "GET", path: "/organization/get-invitation", isCredential: false },
  { method: "POST", path: "/organization/accept-invitation", isCredential: true },
  { method: "POST", path: "/organization/reject-invitation", isCredential: true },
];

/** The mounted route for `method` and `path` (below `/api/auth`, no query string), if any. */
export function findAuthRoute(method: string, path: string): AuthRoute | undefined {
  return authRoutes.find((route) => route.method === method && route.path === path);
}
