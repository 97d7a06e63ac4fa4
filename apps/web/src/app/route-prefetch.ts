import type { QueryClient } from "@tanstack/react-query";
import type { TRPCClient } from "@trpc/client";
import type { TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@vitae/api/router";
import type { Params } from "react-router";
import { dashboardQuery } from "../dashboard/dashboard-figures";
import { documentsListQuery } from "../documents/documents-list-query";

/**
 * The data clients a route's prefetch may use: the app's query cache, the typed query options and the
 * API client (for a query a page builds by hand, like the Documents page's paged list).
 */
export interface PrefetchApi {
  queryClient: QueryClient;
  trpc: TRPCOptionsProxy<AppRouter>;
  client: TRPCClient<AppRouter>;
}

/**
 * Starts a page's first query while its code is still downloading, instead of after it has rendered.
 * It must name exactly the query options the page itself uses, or the page fetches a second time. Only
 * `router.tsx` calls it, from a route loader: a section page's only once `SectionAccess` would admit, the
 * home's only for a caller with a workspace (the dashboard's condition).
 */
export type Prefetch = (api: PrefetchApi, params: Params) => void;

/**
 * For `queryClient.ensureQueryData(...)`, which fetches only when the cache holds no answer yet (a stale
 * one is refetched by the component that reads it, on mount, as without the prefetch, so nothing is
 * fetched twice). A failure stays in the cache for that component to show; it is not thrown here.
 */
function quietly(prefetching: Promise<unknown>): void {
  prefetching.catch(() => undefined);
}

/**
 * Who is signed in and their workspaces: every signed-in page waits for these before it renders
 * (`SessionGate`, the workspace switcher), so they start with the page's code rather than after it.
 */
export const prefetchIdentity: Prefetch = ({ queryClient, trpc }) => {
  quietly(queryClient.ensureQueryData(trpc.auth.me.queryOptions()));
  quietly(queryClient.ensureQueryData(trpc.workspaces.list.queryOptions()));
};

/** A profile (`profiles.byId`), which both the profile page and Ask paint first. */
export const prefetchProfile: Prefetch = ({ queryClient, trpc }, { profileId }) => {
  if (profileId === undefined) return;
  quietly(queryClient.ensureQueryData(trpc.profiles.byId.queryOptions({ profileId })));
};

/** The signed-in home's figures (`usage.dashboard`), which its tiles fill in. */
export const prefetchDashboard: Prefetch = ({ queryClient, trpc }) => {
  quietly(queryClient.ensureQueryData(dashboardQuery(trpc)));
};

/** The Documents page's first page of the unfiltered list (`documents.list`). */
export const prefetchDocuments: Prefetch = (api) => {
  quietly(api.queryClient.ensureInfiniteQueryData(documentsListQuery(api, {})));
};
