import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "../trpc/client";
import { type ImportStatus, isWorking } from "./imports-api";

// Without the live stream (a proxy that buffers SSE, a dropped connection) the page polls instead; while
// the stream looks healthy it still asks now and then, so a stream that ends quietly cannot strand it.
const fallbackPollMs = 1_500;
const safetyPollMs = 10_000;

/** Where the import's current run stands, as the page shows it. */
export interface ImportRunProgress {
  percent: number;
  message: string | null;
  /** "stream" while `imports.progress` delivers the steps, "poll" when the page falls back to asking. */
  source: "stream" | "poll";
}

interface LiveStep {
  status: ImportStatus;
  progress: number;
  progressMessage: string | null;
}

/**
 * `imports.byId`, kept fresh while a job runs on the import (analysis, validation, a fix): the
 * `imports.progress` subscription (SSE) delivers each step of the run for the progress bar, and when the
 * run ends the import is read again, so the mapping, the ledger and the rows follow at once. If the
 * stream fails or ends early the import is polled instead.
 */
export function useLiveImport(importId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<LiveStep | null>(null);
  const isStreamHealthy = useRef(true);
  const query = useQuery({
    ...trpc.imports.byId.queryOptions({ importId }),
    refetchInterval: (current) => {
      const status = current.state.data?.status;
      if (status !== undefined && !isWorking(status)) return false;
      return isStreamHealthy.current ? safetyPollMs : fallbackPollMs;
    },
  });
  const view = query.data;
  const isWatching = view !== undefined && isWorking(view.status);

  const stream = useSubscription(
    trpc.imports.progress.subscriptionOptions(isWatching ? { importId } : skipToken, {
      onData: (event) => {
        setStep({ status: event.status, progress: event.progress, progressMessage: event.progressMessage });
        // The run ended (or moved the import on): read the whole import again for what it produced.
        if (!isWorking(event.status)) {
          void queryClient.invalidateQueries({ queryKey: trpc.imports.byId.queryKey({ importId }) });
        }
      },
    }),
  );
  const isPolling = isWatching && (stream.status === "error" || stream.status === "idle");
  isStreamHealthy.current = !isPolling;

  // A run that starts later must not show the last run's final step.
  useEffect(() => {
    if (!isWatching) setStep(null);
  }, [isWatching]);

  const live = step !== null && step.status === view?.status ? step : null;
  const progress: ImportRunProgress = {
    percent: live?.progress ?? view?.progress?.percent ?? 0,
    message: live?.progressMessage ?? view?.progress?.message ?? null,
    source: isPolling || live === null ? "poll" : "stream",
  };
  return { query, view, progress };
}
