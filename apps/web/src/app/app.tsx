import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { RouterProvider } from "react-router/dom";
import { AuthClientProvider, lazyAuthClient } from "../auth/auth-client-context";
import { createApiClient, createAppQueryClient, TRPCProvider } from "../trpc/client";
import { createAppRouter } from "./router";

/** Composition root of the SPA: data clients first, then the router that renders every page. */
export function App() {
  // Created once per mount (not at module scope) so tests and hot reloads get fresh caches.
  const [queryClient] = useState(createAppQueryClient);
  const [trpcClient] = useState(createApiClient);
  const [loadAuthClient] = useState(lazyAuthClient);
  // The router's loaders start a page's first queries in this same cache, with the keys `useTRPC` uses.
  const [router] = useState(() =>
    createAppRouter({ queryClient, trpc: createTRPCOptionsProxy({ client: trpcClient, queryClient }) }),
  );

  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <AuthClientProvider load={loadAuthClient}>
          <RouterProvider router={router} />
        </AuthClientProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
