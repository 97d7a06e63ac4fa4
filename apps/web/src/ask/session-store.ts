/**
 * The current conversation's session id, per profile, in sessionStorage: it survives a reload and
 * navigating to a cited fact and back, but not the tab. Storage may be disabled; then it is memory only.
 */
export function readSessionId(key: string | null): string | null {
  if (key === null) return null;
  try {
    const value = window.sessionStorage.getItem(key);
    return value === null || value === "" ? null : value;
  } catch {
    return null;
  }
}

export function writeSessionId(key: string | null, sessionId: string | null): void {
  if (key === null) return;
  try {
    if (sessionId === null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, sessionId);
  } catch {
    // Storage full or disabled: the conversation still works, it just will not survive a reload.
  }
}
