import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { useTRPC } from "../trpc/client";

// A résumé longer than this is read as text below; drawing more pages costs memory for little.
const maxPages = 5;

/** Draws the pages of `bytes` into `container` with pdf.js (loaded only when a page view is asked for). */
async function drawPages(bytes: ArrayBuffer, container: HTMLElement, signal: AbortSignal): Promise<void> {
  const pdfjs = await import("pdfjs-dist");
  const worker = await import("pdfjs-dist/build/pdf.worker.min.mjs?url");
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  // pdf.js 6 compiles no font code with eval (the CVE-2024-4367 class, fixed in 4.2.67); no XFA forms.
  const task = pdfjs.getDocument({ data: bytes, enableXfa: false });
  const document = await task.promise;
  try {
    for (let number = 1; number <= Math.min(document.numPages, maxPages); number++) {
      if (signal.aborted) return;
      const page = await document.getPage(number);
      const width = container.clientWidth || 600;
      const viewport = page.getViewport({ scale: 1 });
      const scaled = page.getViewport({ scale: (width / viewport.width) * (window.devicePixelRatio || 1) });
      const canvas = window.document.createElement("canvas");
      canvas.width = Math.floor(scaled.width);
      canvas.height = Math.floor(scaled.height);
      canvas.className = "pdf-page";
      canvas.setAttribute("aria-label", `Page ${number} of ${document.numPages}`);
      canvas.setAttribute("role", "img");
      container.append(canvas);
      await page.render({ canvas, viewport: scaled }).promise;
    }
  } finally {
    await task.destroy();
  }
}

/** The PDF's pages as pictures, behind a button: the text below stays the accessible, searchable view. */
export function PdfPages({ documentId }: { documentId: string }) {
  const trpc = useTRPC();
  const [isShown, setIsShown] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const link = useMutation(trpc.documents.download.mutationOptions());
  const { mutateAsync } = link;

  useEffect(() => {
    const container = containerRef.current;
    if (!isShown || container === null) return;
    const controller = new AbortController();
    setFailure(null);
    (async () => {
      const { url } = await mutateAsync({ documentId });
      const response = await fetch(url, { signal: controller.signal });
      if (!response.ok) throw new Error(`The file could not be fetched (${response.status}).`);
      await drawPages(await response.arrayBuffer(), container, controller.signal);
    })().catch((caught: unknown) => {
      if (!controller.signal.aborted) setFailure(caught);
    });
    return () => {
      controller.abort();
      container.replaceChildren();
    };
  }, [isShown, documentId, mutateAsync]);

  return (
    <div className="pdf-pages">
      <button
        type="button"
        className="button button-small"
        aria-expanded={isShown}
        onClick={() => setIsShown((shown) => !shown)}
        data-testid="toggle-pdf-pages"
      >
        {isShown ? "Hide the pages" : "Show the pages"}
      </button>
      {failure !== null ? (
        <ErrorNotice
          title="The pages could not be drawn; the text below is complete."
          summary={describeError(failure)}
        />
      ) : null}
      <div ref={containerRef} className="pdf-page-list" data-testid="pdf-page-list" />
    </div>
  );
}
