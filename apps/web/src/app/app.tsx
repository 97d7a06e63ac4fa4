import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { RouterProvider } from "react-router/dom";
import { AuthClientProvider, type LoadAuthClient, lazyAuthClient } from "../auth/auth-client-context";
import { createApiClient, createAppQueryClient, TRPCProvider } from "../trpc/client";
import { createAppRouter } from "./router";

/** What the app renders with: one query cache, one API client, the router and the auth client's loader. */
export interface AppClients {
  queryClient: QueryClient;
  trpcClient: ReturnType<typeof createApiClient>;
  router: ReturnType<typeof createAppRouter>;
  loadAuthClient: LoadAuthClient;
}

/**
 * Creates the data clients and the router. Creating the router runs the current route's loaders and
 * starts its `lazy` code, so a first load's session check, its page's first query and its page's code are
 * on the way as soon as this returns — `main.tsx` calls it before React's first render, not inside it.
 */
export function createAppClients(): AppClients {
  const queryClient = createAppQueryClient();
  const trpcClient = createApiClient();
  // The router's loaders start a page's first queries in this same cache, with the keys `useTRPC` uses.
  const router = createAppRouter({
    queryClient,
    trpc: createTRPCOptionsProxy({ client: trpcClient, queryClient }),
    client: trpcClient,
  });
  return { queryClient, trpcClient, router, loadAuthClient: lazyAuthClient() };
}

/** Composition root of the SPA: data clients first, then the router that renders every page. */
export function App({ clients }: { clients: AppClients }) {
  return (
    <QueryClientProvider client={clients.queryClient}>
      <TRPCProvider trpcClient={clients.trpcClient} queryClient={clients.queryClient}>
        <AuthClientProvider load={clients.loadAuthClient}>
          <RouterProvider router={clients.router} />
        </AuthClientProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
