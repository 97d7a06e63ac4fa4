import type { DocumentProgressEvent, DocumentSummary } from "./types";

/** Whether `a` is an older snapshot than `b` (by `updatedAt`); unknown times are never older. */
export function isOlder(a: { updatedAt: unknown }, b: { updatedAt: unknown }): boolean {
  const at = new Date(String(a.updatedAt)).getTime();
  const bt = new Date(String(b.updatedAt)).getTime();
  return Number.isFinite(at) && Number.isFinite(bt) && at < bt;
}

/**
 * A row's view: the list's snapshot of `document`, or a newer live snapshot of the same document. A
 * snapshot of any other document is ignored, so a row never shows another document's name, status or
 * profile link, whatever a cache or stream hands back.
 */
export function liveView(
  document: DocumentSummary,
  latest: DocumentProgressEvent | null | undefined,
): DocumentProgressEvent {
  if (latest === null || latest === undefined || latest.id !== document.id || isOlder(latest, document)) {
    return document;
  }
  return latest;
}
