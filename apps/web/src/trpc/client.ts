import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchStreamLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@vitae/api/router";
import { describeError, isClientFault } from "../lib/describe-error";

/**
 * Typed hooks for the API. `useTRPC()` returns the options proxy (`trpc.system.status.queryOptions()`),
 * `TRPCProvider` must wrap every component that calls it.
 */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

// Same origin in every mode: the API serves the built app, and Vite proxies `/trpc` in dev.
const trpcUrl = "/trpc";

/** One client per app instance; subscriptions go over SSE, everything else is batched and streamed. */
export function createApiClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url: trpcUrl }),
        false: httpBatchStreamLink({ url: trpcUrl }),
      }),
    ],
  });
}

// Who the caller is and which workspaces they belong to: the queries the UI derives permissions from.
const identityRoots = new Set(["auth", "workspaces"]);

function isIdentityQuery(query: { queryKey: readonly unknown[] }): boolean {
  const path = query.queryKey[0];
  return Array.isArray(path) && typeof path[0] === "string" && identityRoots.has(path[0]);
}

export function createAppQueryClient() {
  // The server is the authority on access: a FORBIDDEN or UNAUTHENTICATED answer anywhere means the UI's
  // idea of the role or session is stale (a role change, removal, expiry), so refetch it. The shell then
  // hides what the role cannot use, or sends a signed-out user to sign in.
  const refreshIdentity = (error: unknown) => {
    const { code } = describeError(error);
    if (code !== "FORBIDDEN" && code !== "UNAUTHENTICATED") return;
    void queryClient.invalidateQueries({ predicate: isIdentityQuery });
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // Skipped for identity queries themselves, or a signed-out `auth.me` would refetch itself forever.
      onError: (error, query) => {
        if (!isIdentityQuery(query)) refreshIdentity(error);
      },
    }),
    mutationCache: new MutationCache({ onError: refreshIdentity }),
    defaultOptions: {
      queries: {
        staleTime: 2_000,
        retry: (failureCount, error) => !isClientFault(error) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
