import { useQuery } from "@tanstack/react-query";
import type { ExportStatus, ProfileExportFormat } from "@vitae/contracts";
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

const pollMs = 500;

/** True while the worker may still change the export. */
export function isInProgress(status: ExportStatus | undefined): boolean {
  return status === "queued" || status === "running";
}

/** `exports.byId`, polled every half second until the export is ready, failed or expired. */
export function useExport(exportId: string) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.exports.byId.queryOptions({ exportId }),
    refetchInterval: (query) =>
      query.state.data === undefined || isInProgress(query.state.data.status) ? pollMs : false,
  });
}
