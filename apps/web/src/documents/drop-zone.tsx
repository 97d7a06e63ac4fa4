import { type DragEvent, useEffect, useId, useRef, useState } from "react";
import { formatBytes } from "../lib/format";
import { acceptAttribute } from "./file-checks";

interface DropZoneProps {
  maxBytes: number;
  isDisabled?: boolean;
  onFiles: (files: File[]) => void;
  /** What the zone asks for and accepts; the defaults are the résumé upload's. */
  title?: string;
  hint?: string;
  accept?: string;
  inputLabel?: string;
  multiple?: boolean;
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes("Files");
}

/**
 * Where files are dropped or picked. The zone itself is a button, so keyboard and screen-reader users get
 * the same action (Enter or Space opens the file picker) as a mouse user dragging a file onto it. The
 * native input stays in the DOM, hidden and out of the tab order, as the one source of picked files.
 */
export function DropZone({
  maxBytes,
  isDisabled = false,
  onFiles,
  title = "Drop résumés here, or choose files",
  hint = "PDF, DOCX, Markdown or plain text",
  accept = acceptAttribute,
  inputLabel = "Résumé files to upload",
  multiple = true,
}: DropZoneProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [isOver, setIsOver] = useState(false);

  useEffect(() => {
    // A file dropped just beside the zone would otherwise make the browser open it in place of the app.
    const swallowFileDrop = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
    };
    window.addEventListener("dragover", swallowFileDrop);
    window.addEventListener("drop", swallowFileDrop);
    return () => {
      window.removeEventListener("dragover", swallowFileDrop);
      window.removeEventListener("drop", swallowFileDrop);
    };
  }, []);

  const onDrop = (event: DragEvent<HTMLButtonElement>) => {
    event.preventDefault();
    setIsOver(false);
    if (isDisabled) return;
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) onFiles(files);
  };

  return (
    <div className="drop-zone-wrap">
      <button
        type="button"
        className={`drop-zone${isOver ? " drop-zone-over" : ""}`}
        aria-describedby={hintId}
        disabled={isDisabled}
        data-testid="drop-zone"
        onClick={() => inputRef.current?.click()}
        onDragEnter={(event) => {
          if (!hasFiles(event)) return;
          event.preventDefault();
          setIsOver(true);
        }}
        onDragOver={(event) => {
          if (!hasFiles(event)) return;
          // Without preventDefault the browser refuses the drop and opens the file itself instead.
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
        }}
        onDragLeave={() => setIsOver(false)}
        onDrop={onDrop}
      >
        <span className="drop-zone-title">{isOver ? "Drop to upload" : title}</span>
        <span id={hintId} className="drop-zone-hint">
          {hint}, up to {formatBytes(maxBytes)} each.
        </span>
      </button>
      <input
        ref={inputRef}
        type="file"
        multiple={multiple}
        accept={accept}
        className="visually-hidden"
        tabIndex={-1}
        aria-label={inputLabel}
        data-testid="file-input"
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          // Cleared so picking the same file again (after fixing it) fires another change.
          event.currentTarget.value = "";
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
