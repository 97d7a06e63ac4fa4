import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPC } from "../trpc/client";
import { isOlder, liveView } from "./live-view";
import { type DocumentProgressEvent, type DocumentSummary, isAbandonedUpload, isSettled } from "./types";

// How often the fallback asks for the status when the live stream is unavailable, and how often it
// checks anyway while the stream looks healthy (a stream that ends quietly must not strand the row).
const pollIntervalMs = 2_000;
const safetyPollIntervalMs = 10_000;

/**
 * The freshest view of one document while it is being ingested: `documents.progress` streams its
 * snapshots over SSE; if the stream fails (a proxy that buffers SSE, a dropped connection) we fall back
 * to polling `documents.byId`. Once the document settles, the list (and, after a re-read, the profiles)
 * are refetched so every view agrees. `follow()` starts watching again after `documents.reingest`.
 */
export function useLiveDocument(document: DocumentSummary): {
  view: DocumentProgressEvent;
  isLive: boolean;
  isPolling: boolean;
  follow: (reopened?: DocumentProgressEvent) => Promise<void>;
} {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [latest, setLatest] = useState<DocumentProgressEvent | null>(null);
  // The list may be refetched while we watch, and stream and poll race; whichever snapshot is newer wins.
  const keepNewer = useCallback((next: DocumentProgressEvent) => {
    setLatest((current) => (current !== null && isOlder(next, current) ? current : next));
  }, []);
  const view = liveView(document, latest);
  const isWatching = !isSettled(view.status) && !isAbandonedUpload(view);

  const stream = useSubscription(
    trpc.documents.progress.subscriptionOptions(isWatching ? { documentId: document.id } : skipToken, {
      onData: keepNewer,
    }),
  );
  // The stream also ends early, by design, for a document whose ingest has not been queued yet (the list
  // can show it between upload and finalize): then, as on errors or endless reconnects, poll instead.
  const isPolling =
    isWatching && (stream.status === "error" || stream.status === "idle" || stream.error !== null);
  // Keyed by this document's id even while disabled: a skip token (or seeded `initialData`) would put
  // every settled row on one shared cache entry, and each row would then show — and delete — whichever
  // document wrote it first.
  const poll = useQuery({
    ...trpc.documents.byId.queryOptions({ documentId: document.id }),
    enabled: isWatching,
    refetchInterval: isPolling ? pollIntervalMs : safetyPollIntervalMs,
  });

  useEffect(() => {
    if (poll.data !== undefined) keepNewer(poll.data);
  }, [poll.data, keepNewer]);

  const settledRef = useRef(isSettled(document.status));
  useEffect(() => {
    if (settledRef.current || !isSettled(view.status)) return;
    settledRef.current = true;
    void queryClient.invalidateQueries({ queryKey: trpc.documents.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.profiles.pathKey() });
  }, [view.status, queryClient, trpc]);

  // The row's settled snapshot stays newest until someone asks again. `documents.reingest` answers with
  // the reopened (`uploaded`) document, shown at once: the new run may fail again within milliseconds,
  // and the row must still show that it moved. A fetch follows for whatever happened since; the view
  // then is unsettled (or settled anew) and the stream and poll above take over.
  const follow = useCallback(
    async (reopened?: DocumentProgressEvent) => {
      settledRef.current = false;
      if (reopened !== undefined) keepNewer(reopened);
      try {
        keepNewer(
          await queryClient.fetchQuery({
            ...trpc.documents.byId.queryOptions({ documentId: document.id }),
            staleTime: 0,
          }),
        );
      } catch {
        // The list refetch that follows every reingest brings the same snapshot; nothing is lost.
      }
    },
    [document.id, keepNewer, queryClient, trpc],
  );

  return { view, isLive: isWatching && stream.status === "pending", isPolling, follow };
}
