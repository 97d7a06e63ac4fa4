import { createContext, type ReactNode, useContext } from "react";
import type { VitaeAuthClient } from "./auth-client";

const AuthClientContext = createContext<VitaeAuthClient | null>(null);

export function AuthClientProvider({ client, children }: { client: VitaeAuthClient; children: ReactNode }) {
  return <AuthClientContext.Provider value={client}>{children}</AuthClientContext.Provider>;
}

/** The better-auth client created by the app root; only for `/api/auth/*` calls. */
export function useAuthClient(): VitaeAuthClient {
  const client = useContext(AuthClientContext);
  if (client === null) throw new Error("useAuthClient must be used inside <AuthClientProvider>.");
  return client;
}
