import { createContext, type ReactNode, useContext, useEffect } from "react";
import type { VitaeAuthClient } from "./auth-client";

/** Resolves to the app's one better-auth client, loading its code on the first call. */
export type LoadAuthClient = () => Promise<VitaeAuthClient>;

/**
 * better-auth's client is only needed to sign up, in or out and to answer invitations, so its code is
 * fetched on first use instead of with every page. A failed fetch is forgotten, so the next call retries.
 */
export function lazyAuthClient(): LoadAuthClient {
  let loading: Promise<VitaeAuthClient> | undefined;
  return () => {
    loading ??= import("./auth-client")
      .then((module) => module.createVitaeAuthClient())
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
    return loading;
  };
}

const AuthClientContext = createContext<LoadAuthClient | null>(null);

export function AuthClientProvider({ load, children }: { load: LoadAuthClient; children: ReactNode }) {
  return <AuthClientContext.Provider value={load}>{children}</AuthClientContext.Provider>;
}

/**
 * The loader of the better-auth client created by the app root; only for `/api/auth/*` calls. Pages that
 * exist to make such a call start loading it when they mount, so the form's first submit does not wait.
 */
export function useAuthClient(): LoadAuthClient {
  const load = useContext(AuthClientContext);
  if (load === null) throw new Error("useAuthClient must be used inside <AuthClientProvider>.");
  return load;
}

/** Starts loading the client as soon as the calling page mounts (errors surface on the real call). */
export function usePreloadedAuthClient(): LoadAuthClient {
  const load = useAuthClient();
  useEffect(() => {
    load().catch(() => undefined);
  }, [load]);
  return load;
}
