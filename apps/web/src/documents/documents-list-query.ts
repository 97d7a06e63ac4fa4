import { infiniteQueryOptions } from "@tanstack/react-query";
import type { TRPCClient } from "@trpc/client";
import type { TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@vitae/api/router";
import type { RouterInputs } from "../trpc/types";

type ListInput = NonNullable<Exclude<RouterInputs["documents"]["list"], void>>;

/** What narrows the Documents list (`people-filters.tsx`); `{}` is the unfiltered list a first load shows. */
export type DocumentsListFilter = Pick<ListInput, "query" | "statuses" | "kinds">;

const pageSize = 20;

/**
 * The Documents page's paged `documents.list`, in one place for the page and its route prefetch
 * (`route-prefetch.ts`), so the prefetch fills exactly the cache entry the page reads. Paged by hand
 * rather than with tRPC's `infiniteQueryOptions`, which adds a `direction` field to the input that
 * `documents.list`'s strict input schema refuses. The key sits under the procedure's path, so
 * invalidating `documents.list` refreshes it too.
 */
export function documentsListQuery(
  { trpc, client }: { trpc: TRPCOptionsProxy<AppRouter>; client: TRPCClient<AppRouter> },
  filter: DocumentsListFilter,
) {
  return infiniteQueryOptions({
    queryKey: [...trpc.documents.list.pathKey(), { limit: pageSize, pages: true, ...filter }],
    queryFn: ({ pageParam, signal }) =>
      client.documents.list.query(
        pageParam === null
          ? { limit: pageSize, ...filter }
          : { limit: pageSize, cursor: pageParam, ...filter },
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
