import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { useTRPC } from "../trpc/client";
import { PdfPages } from "./pdf-pages";

const kindNames = { pdf: "PDF", docx: "Word document", text: "text file" } as const;

/**
 * The original document: the text read from it, line by line (every kind), with the lines of the field
 * in focus highlighted and scrolled into view; a PDF can also be seen as its pages.
 */
export function SourcePane({
  documentId,
  highlighted,
  onLines,
}: {
  documentId: string;
  highlighted: ReadonlySet<number>;
  onLines: (lines: string[]) => void;
}) {
  const trpc = useTRPC();
  const source = useQuery(trpc.documents.source.queryOptions({ documentId }));
  const listRef = useRef<HTMLOListElement>(null);
  // Numbered once: a line is identified by its position (the same text may appear twice).
  const lines = (source.data?.text?.split("\n") ?? []).map((text, number) => ({ text, number }));
  const text = source.data?.text;

  useEffect(() => {
    if (text !== undefined && text !== null) onLines(text.split("\n"));
  }, [text, onLines]);

  const first = Math.min(...highlighted);
  useEffect(() => {
    if (!Number.isFinite(first)) return;
    listRef.current
      ?.querySelector(`[data-line="${first}"]`)
      ?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [first]);

  if (source.isPending) {
    return (
      <p className="muted" role="status">
        Loading the original…
      </p>
    );
  }
  if (source.isError) {
    return <ErrorNotice title="The original could not be loaded." summary={describeError(source.error)} />;
  }
  if (source.data.text === null) {
    return <p className="muted">The document is still being read; its text shows here once it is ready.</p>;
  }
  return (
    <div className="source-pane" data-testid="source-pane">
      <p className="muted source-caption">
        Text read from the {kindNames[source.data.kind]}. Point at or focus a field to see the lines it came
        from.
      </p>
      {source.data.kind === "pdf" ? <PdfPages documentId={documentId} /> : null}
      <ol className="source-lines" ref={listRef} aria-label="Text of the original">
        {/* Blank lines keep their numbers (`value`) but take no room. */}
        {lines
          .filter((line) => line.text.trim() !== "")
          .map((line) => (
            <li
              key={line.number}
              value={line.number + 1}
              data-line={line.number}
              className={highlighted.has(line.number) ? "source-line is-source" : "source-line"}
              data-testid={highlighted.has(line.number) ? "source-line-highlighted" : undefined}
            >
              {line.text}
            </li>
          ))}
      </ol>
    </div>
  );
}
