import { QueryClient } from "@tanstack/react-query";
import {
  createTRPCClient,
  httpBatchStreamLink,
  httpSubscriptionLink,
  isTRPCClientError,
  splitLink,
} from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@vitae/api/router";

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

/** 4xx answers are the server's final word about this request; retrying them only repeats the error. */
function isClientFault(error: unknown): boolean {
  if (!isTRPCClientError(error)) return false;
  const status = (error.data as { httpStatus?: unknown } | undefined)?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500;
}

export function createAppQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 2_000,
        retry: (failureCount, error) => !isClientFault(error) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}
