import { useId, useRef, useState } from "react";
import { copyText } from "../lib/copy-text";
import { ModalDialog } from "../lib/modal-dialog";

interface NewShareLinkDialogProps {
  label: string | null;
  url: string;
  onClose: () => void;
}

/**
 * Shows a new share link's public URL, the only time it is available (the server keeps a hash of its
 * token). The parent drops the URL from its state on close.
 */
export function NewShareLinkDialog({ label, url, onClose }: NewShareLinkDialogProps) {
  const titleId = useId();
  const warningId = useId();
  const urlRef = useRef<HTMLElement>(null);
  const copyButtonRef = useRef<HTMLButtonElement>(null);
  const [copyStatus, setCopyStatus] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    setCopyStatus((await copyText(url, urlRef.current)) ? "copied" : "failed");
  }

  return (
    <ModalDialog
      labelledBy={titleId}
      describedBy={warningId}
      onClose={onClose}
      initialFocusRef={copyButtonRef}
      testId="new-share-link-dialog"
    >
      <h2 id={titleId}>{label === null ? "Your new share link" : `Your new share link “${label}”`}</h2>
      <p id={warningId} className="notice notice-warning">
        <strong>Copy the link now — you will not see it again.</strong> Anyone with it can ask questions about
        this résumé without signing in, until you revoke it or it expires.
      </p>
      <div className="secret-box">
        <code ref={urlRef} className="secret" data-testid="new-share-link-url">
          {url}
        </code>
        <button
          ref={copyButtonRef}
          type="button"
          className="button button-primary"
          onClick={() => void copy()}
          data-testid="copy-share-link"
        >
          Copy link
        </button>
      </div>
      <p className="muted" role="status">
        {copyStatus === "copied" ? "Copied to the clipboard." : null}
        {copyStatus === "failed"
          ? "Could not copy automatically. The link is selected: press Ctrl+C (⌘C on a Mac) to copy it."
          : null}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} data-testid="close-share-link-dialog">
          Done
        </button>
      </div>
    </ModalDialog>
  );
}
