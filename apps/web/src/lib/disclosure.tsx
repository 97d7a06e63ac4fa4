import { type ReactNode, useEffect, useId, useRef, useState } from "react";

interface DisclosureProps {
  /** The toggle button's content; give it an accessible name (visible text or `label`). */
  button: ReactNode;
  /** Accessible name of the toggle when its content is not enough on its own. */
  label?: string;
  /** Rendered only while open; `close` returns focus to the toggle. */
  children: (close: () => void) => ReactNode;
  testId?: string;
}

/**
 * A button that shows and hides a small panel (the header's workspace and account menus). The
 * disclosure pattern, not an ARIA menu: its contents are ordinary links and buttons that keep their
 * own semantics. Escape or a click elsewhere closes it.
 */
export function Disclosure({ button, label, children, testId }: DisclosureProps) {
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setIsOpen(false);
    };
    // Escape closes the panel only while focus is inside it, and hands focus back to the toggle.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      if (!(event.target instanceof Node) || !rootRef.current?.contains(event.target)) return;
      setIsOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [isOpen]);

  const close = () => {
    setIsOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div ref={rootRef} className="disclosure" data-testid={testId}>
      <button
        ref={buttonRef}
        type="button"
        className="disclosure-toggle"
        aria-expanded={isOpen}
        aria-controls={panelId}
        aria-label={label}
        onClick={() => setIsOpen((open) => !open)}
        data-testid={testId === undefined ? undefined : `${testId}-toggle`}
      >
        <span className="disclosure-label">{button}</span>
      </button>
      <div id={panelId} className="disclosure-panel" hidden={!isOpen}>
        {isOpen ? children(close) : null}
      </div>
    </div>
  );
}
