import { type ReactNode, type RefObject, useEffect, useRef } from "react";

interface ModalDialogProps {
  /** Id of the dialog's heading, which names it for assistive tech. */
  labelledBy: string;
  describedBy?: string;
  /** Called for Escape as well as for the dialog's own buttons; the parent unmounts the dialog. */
  onClose: () => void;
  /** Where focus starts: for destructive confirmations, the safe choice. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  testId?: string;
  children: ReactNode;
}

/**
 * A native modal `<dialog>` that is open for as long as it is mounted. `showModal()` gives the focus trap,
 * the inert background and Escape for free; this adds the initial focus and puts focus back where it was
 * (or on the main landmark when that element is gone, e.g. a revoked row's button).
 */
export function ModalDialog({
  labelledBy,
  describedBy,
  onClose,
  initialFocusRef,
  testId,
  children,
}: ModalDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Escape fires `cancel`; closing is the parent's decision (it unmounts us), so the browser must not.
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener("cancel", onCancel);
    if (!dialog.open) dialog.showModal();
    initialFocusRef?.current?.focus();
    return () => {
      dialog.removeEventListener("cancel", onCancel);
      if (dialog.open) dialog.close();
      const fallback = document.getElementById("main");
      (previous?.isConnected ? previous : fallback)?.focus();
    };
  }, [initialFocusRef]);

  return (
    <dialog
      ref={dialogRef}
      className="modal"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      data-testid={testId}
    >
      {children}
    </dialog>
  );
}
