import type { RouterInputs, RouterOutputs } from "../trpc/types";

/** `DocumentSummary` of docs/documents-contracts.md, as the API declares it. */
export type DocumentSummary = RouterOutputs["documents"]["byId"];
/** A `documents.list` entry: the summary, who it is about and the earlier upload it may duplicate. */
export type DocumentListItem = RouterOutputs["documents"]["list"]["items"][number];
/** One `documents.progress` event: the summary plus the ingest job's progress. */
export type DocumentProgressEvent = DocumentSummary & {
  progress?: number | null;
  progressMessage?: string | null;
};
export type DocumentStatus = DocumentSummary["status"];
export type ProfileView = RouterOutputs["profiles"]["byId"];
export type ProfilePatch = RouterInputs["profiles"]["update"]["patch"];

/** `ready` and `failed` never change again; every other status is still moving. */
export function isSettled(status: string): boolean {
  return status === "ready" || status === "failed";
}

// An upload link lives 10 minutes (`documents.createUpload`); an `uploaded` document whose last change is
// older than that was never sent or never finalized, and watching it would poll forever. The last change,
// not the creation: `documents.reingest` puts an old document back to `uploaded`, and that one is moving.
const abandonedAfterMs = 15 * 60_000;

/** Whether a document is still `uploaded` long after it last changed (its upload link expired). */
export function isAbandonedUpload(
  document: { status: string; createdAt: string; updatedAt?: string },
  now = Date.now(),
): boolean {
  const changed = new Date(document.updatedAt ?? document.createdAt).getTime();
  return document.status === "uploaded" && Number.isFinite(changed) && now - changed > abandonedAfterMs;
}

export const statusLabels: Record<string, string> = {
  uploaded: "Uploaded",
  processing: "Processing",
  ready: "Ready",
  failed: "Failed",
};

export const statusBadgeClass: Record<string, string> = {
  uploaded: "badge-neutral",
  processing: "badge-busy",
  ready: "badge-up",
  failed: "badge-down",
};
