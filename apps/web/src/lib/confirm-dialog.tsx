import { type ReactNode, useId, useRef } from "react";
import type { ErrorSummary } from "./describe-error";
import { ErrorNotice } from "./error-notice";
import { ModalDialog } from "./modal-dialog";

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  isPending: boolean;
  error: ErrorSummary | null;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}

/**
 * Asks before a destructive action. Focus starts on Cancel so an accidental Enter does nothing harmful;
 * a failure is shown inside the dialog so the user can retry or back out.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  isPending,
  error,
  onConfirm,
  onCancel,
  testId,
}: ConfirmDialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);

  return (
    <ModalDialog
      labelledBy={titleId}
      describedBy={bodyId}
      onClose={onCancel}
      initialFocusRef={cancelRef}
      testId={testId}
    >
      <h2 id={titleId}>{title}</h2>
      <div id={bodyId}>{children}</div>
      {error !== null ? <ErrorNotice title={`${confirmLabel} failed.`} summary={error} /> : null}
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={onConfirm}
          disabled={isPending}
          data-testid={testId === undefined ? undefined : `${testId}-confirm`}
        >
          {isPending ? "Working…" : confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
