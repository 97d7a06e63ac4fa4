import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import type { ExportStatus, ProfileExportFormat } from "@vitae/contracts";
import { useRef, useState } from "react";
import { useTRPC } from "../trpc/client";
import type { RouterInputs, RouterOutputs } from "../trpc/types";

/** One export as `exports.byId` describes it (docs/exports-contracts.md). */
export type ExportView = RouterOutputs["exports"]["byId"];

/** A résumé template the server accepts (`@vitae/render`'s closed list, through the API's input type). */
export type ResumeTemplate = NonNullable<RouterInputs["exports"]["create"]["template"]>;

/** How each template is offered; `satisfies` makes a template the server adds or drops a compile error. */
export const templateLabels = {
  classic: "Classic",
  modern: "Modern",
} as const satisfies Record<ResumeTemplate, string>;

/** How each format is named on its button. */
export const formatLabels = {
  html: "HTML",
  pdf: "PDF",
  docx: "DOCX",
} as const satisfies Record<ProfileExportFormat, string>;

// Without the live stream (a proxy that buffers SSE, a dropped connection) the job is polled instead;
// while the stream looks healthy it is still read now and then, so a quiet stream cannot strand it.
const fallbackPollMs = 1_000;
const safetyPollMs = 10_000;

/** True while the worker may still change the export. */
export function isInProgress(status: ExportStatus | undefined): boolean {
  return status === "queued" || status === "running";
}

/**
 * `exports.byId` as cached: readers beside an `ExportJob` (an import export's ledger) share the job's
 * entry, which `useLiveExport` keeps fresh, so they add no requests of their own.
 */
export function useExport(exportId: string) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.exports.byId.queryOptions({ exportId }), staleTime: Number.POSITIVE_INFINITY });
}

/** Where a running export stands, from the stream (or the last read while it is unavailable). */
export interface ExportRunProgress {
  percent: number;
  message: string | null;
}

/**
 * One export followed while the worker writes it: `exports.progress` (SSE) delivers each step for the
 * progress bar, and when the run ends `exports.byId` is read again for the result and its download
 * link. If the stream fails or ends early the export is polled instead.
 */
export function useLiveExport(exportId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const isStreamHealthy = useRef(true);
  const [step, setStep] = useState<ExportRunProgress | null>(null);
  const job = useQuery({
    ...trpc.exports.byId.queryOptions({ exportId }),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      if (status !== undefined && !isInProgress(status)) return false;
      return isStreamHealthy.current ? safetyPollMs : fallbackPollMs;
    },
  });
  const isWatching = job.data !== undefined && isInProgress(job.data.status);
  const stream = useSubscription(
    trpc.exports.progress.subscriptionOptions(isWatching ? { exportId } : skipToken, {
      onData: (event) => {
        setStep({ percent: event.progress, message: event.progressMessage });
        if (!isInProgress(event.status)) {
          void queryClient.invalidateQueries({ queryKey: trpc.exports.byId.queryKey({ exportId }) });
        }
      },
    }),
  );
  isStreamHealthy.current = !(isWatching && (stream.status === "error" || stream.status === "idle"));
  const progress: ExportRunProgress = step ?? {
    percent: job.data?.progress ?? 0,
    message: job.data?.progressMessage ?? null,
  };
  return { job, progress };
}
