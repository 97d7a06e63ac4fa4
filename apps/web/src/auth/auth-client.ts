import { createAuthClient } from "better-auth/client";
import { organizationClient } from "better-auth/client/plugins";

/**
 * better-auth's browser client for `/api/auth/*` on this origin (sign-up, sign-in, sign-out and
 * invitation acceptance). Everything else goes through tRPC. Its session atom is never subscribed to,
 * so it neither polls nor refetches on focus; `auth.me` over tRPC is the app's view of the session.
 * Loaded on first use (`auth-client-context.tsx`), so it is not part of every page's first load.
 */
export function createVitaeAuthClient() {
  return createAuthClient({
    baseURL: `${window.location.origin}/api/auth`,
    plugins: [organizationClient()],
  });
}

export type VitaeAuthClient = ReturnType<typeof createVitaeAuthClient>;
