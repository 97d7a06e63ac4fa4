import type { ErrorSummary } from "../lib/describe-error";

/**
 * What the reingest button on a row says — "Try again" after a failure, "Re-read" when ready — or `null`
 * for no button: a viewer (`canWrite` false; the server refuses them anyway) or a document still moving.
 */
export function reingestLabel(status: string, canWrite: boolean): "Try again" | "Re-read" | null {
  if (!canWrite) return null;
  if (status === "failed") return "Try again";
  if (status === "ready") return "Re-read";
  return null;
}

const alreadyReading = "This document is already being read. Its status below updates when that is done.";

/** Why a reingest was refused, in plain words; `CONFLICT` means a run is already queued or running. */
export function reingestFailure(summary: ErrorSummary): ErrorSummary {
  return summary.code === "CONFLICT" ? { ...summary, message: alreadyReading } : summary;
}
