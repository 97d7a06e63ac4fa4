/**
 * Copies text to the clipboard. The async Clipboard API needs a secure context and permission; when it
 * is missing or refuses, the older `execCommand("copy")` on a selection still works in most browsers.
 * Resolves to whether either succeeded, so the caller can ask the user to copy by hand.
 */
export async function copyText(text: string, source?: HTMLElement | null): Promise<boolean> {
  if (typeof navigator !== "undefined" && navigator.clipboard?.writeText !== undefined) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Denied or unavailable (e.g. an insecure origin): fall through to the selection-based copy.
    }
  }
  return copyBySelection(text, source ?? null);
}

function copyBySelection(text: string, source: HTMLElement | null): boolean {
  const selection = typeof window === "undefined" ? null : window.getSelection();
  if (selection === null) return false;
  // Selecting the visible element keeps the fallback free of hidden text areas and inline styles
  // (the CSP forbids them); when no element is given, a temporary off-screen one is used.
  const target = source ?? createScratchElement(text);
  try {
    const range = document.createRange();
    range.selectNodeContents(target);
    selection.removeAllRanges();
    selection.addRange(range);
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    if (source === null) target.remove();
  }
}

function createScratchElement(text: string): HTMLElement {
  const element = document.createElement("span");
  element.className = "visually-hidden";
  element.textContent = text;
  document.body.append(element);
  return element;
}
