import { useId, useRef, useState } from "react";
import { copyText } from "../lib/copy-text";
import { ModalDialog } from "../lib/modal-dialog";

interface NewKeyDialogProps {
  name: string;
  secret: string;
  onClose: () => void;
}

/**
 * Shows a new API key's secret, the only time it is ever available (the server keeps a hash). The parent
 * drops the secret from its state on close, so once dismissed it is nowhere in the page.
 */
export function NewKeyDialog({ name, secret, onClose }: NewKeyDialogProps) {
  const titleId = useId();
  const warningId = useId();
  const keyRef = useRef<HTMLElement>(null);
  const copyButtonRef = useRef<HTMLButtonElement>(null);
  const [copyStatus, setCopyStatus] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    const isCopied = await copyText(secret, keyRef.current);
    setCopyStatus(isCopied ? "copied" : "failed");
  }

  return (
    <ModalDialog
      labelledBy={titleId}
      describedBy={warningId}
      onClose={onClose}
      initialFocusRef={copyButtonRef}
      testId="new-key-dialog"
    >
      <h2 id={titleId}>Your new API key “{name}”</h2>
      <p id={warningId} className="notice notice-warning">
        <strong>Copy this key now — you will not see it again.</strong> Vitae stores only a fingerprint of it.
        If you lose it, revoke it and create a new one.
      </p>
      <div className="secret-box">
        <code ref={keyRef} className="secret" data-testid="new-key-secret">
          {secret}
        </code>
        <button
          ref={copyButtonRef}
          type="button"
          className="button button-primary"
          onClick={() => void copy()}
          data-testid="copy-key"
        >
          Copy key
        </button>
      </div>
      <p className="muted" role="status" data-testid="copy-status">
        {copyStatus === "copied" ? "Copied to the clipboard." : null}
        {copyStatus === "failed"
          ? "Could not copy automatically. The key is selected: press Ctrl+C (⌘C on a Mac) to copy it."
          : null}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} data-testid="close-key-dialog">
          I have stored the key
        </button>
      </div>
    </ModalDialog>
  );
}
