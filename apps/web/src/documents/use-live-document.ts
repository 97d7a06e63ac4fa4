import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "../trpc/client";
import { type DocumentProgressEvent, type DocumentSummary, isAbandonedUpload, isSettled } from "./types";

// How often the fallback asks for the status when the live stream is unavailable, and how often it
// checks anyway while the stream looks healthy (a stream that ends quietly must not strand the row).
const pollIntervalMs = 2_000;
const safetyPollIntervalMs = 10_000;

function isOlder(a: { updatedAt: unknown }, b: { updatedAt: unknown }): boolean {
  const at = new Date(String(a.updatedAt)).getTime();
  const bt = new Date(String(b.updatedAt)).getTime();
  return Number.isFinite(at) && Number.isFinite(bt) && at < bt;
}

/**
 * The freshest view of one document while it is being ingested: `documents.progress` streams its
 * snapshots over SSE; if the stream fails (a proxy that buffers SSE, a dropped connection) we fall back
 * to polling `documents.byId`. Once the document settles, the list is refetched so every view agrees.
 */
export function useLiveDocument(document: DocumentSummary): {
  view: DocumentProgressEvent;
  isLive: boolean;
  isPolling: boolean;
} {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [latest, setLatest] = useState<DocumentProgressEvent | null>(null);
  // The list may be refetched while we watch; whichever snapshot is newer wins.
  const view: DocumentProgressEvent = latest !== null && !isOlder(latest, document) ? latest : document;
  const isWatching = !isSettled(view.status) && !isAbandonedUpload(view);

  const stream = useSubscription(
    trpc.documents.progress.subscriptionOptions(isWatching ? { documentId: document.id } : skipToken, {
      onData: (next) => setLatest(next),
    }),
  );
  // The stream also ends early, by design, for a document whose ingest has not been queued yet (the list
  // can show it between upload and finalize): then, as on errors or endless reconnects, poll instead.
  const isPolling =
    isWatching && (stream.status === "error" || stream.status === "idle" || stream.error !== null);
  const poll = useQuery({
    ...trpc.documents.byId.queryOptions(isWatching ? { documentId: document.id } : skipToken),
    refetchInterval: isPolling ? pollIntervalMs : safetyPollIntervalMs,
    // The list already holds this snapshot; the first fetch is only useful once time has passed.
    initialData: document,
    initialDataUpdatedAt: Date.now(),
  });

  useEffect(() => {
    if (poll.data !== undefined) setLatest(poll.data);
  }, [poll.data]);

  const settledRef = useRef(isSettled(document.status));
  useEffect(() => {
    if (settledRef.current || !isSettled(view.status)) return;
    settledRef.current = true;
    void queryClient.invalidateQueries({ queryKey: trpc.documents.list.pathKey() });
  }, [view.status, queryClient, trpc]);

  return { view, isLive: isWatching && stream.status === "pending", isPolling };
}
