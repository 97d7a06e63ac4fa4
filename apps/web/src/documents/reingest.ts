import type { ErrorSummary } from "../lib/describe-error";

/** What the reingest button on a settled row says: "Try again" after a failure, "Re-read" when ready. */
export function reingestLabel(status: string): "Try again" | "Re-read" | null {
  if (status === "failed") return "Try again";
  if (status === "ready") return "Re-read";
  return null;
}

const alreadyReading = "This document is already being read. Its status below updates when that is done.";

/** Why a reingest was refused, in plain words; `CONFLICT` means a run is already queued or running. */
export function reingestFailure(summary: ErrorSummary): ErrorSummary {
  return summary.code === "CONFLICT" ? { ...summary, message: alreadyReading } : summary;
}
