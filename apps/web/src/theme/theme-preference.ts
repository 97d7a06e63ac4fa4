/** What a person picked: follow the system's light or dark setting, or always one of them. */
export const themeChoices = ["system", "light", "dark"] as const;

/** One of {@link themeChoices}. */
export type ThemeChoice = (typeof themeChoices)[number];

/** The localStorage key the choice is remembered under, on this browser only. */
export const themeStorageKey = "vitae.theme";

/** The subset of `Storage` this module uses, so tests and private modes can pass their own. */
export type ThemeStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === "string" && (themeChoices as readonly string[]).includes(value);
}

/** The remembered choice; "system" when none, when it is unreadable, or when storage is blocked. */
export function readThemeChoice(storage: ThemeStorage | undefined): ThemeChoice {
  try {
    const stored = storage?.getItem(themeStorageKey);
    return isThemeChoice(stored) ? stored : "system";
  } catch {
    // Storage can throw (disabled cookies, some private modes); the system theme is a safe default.
    return "system";
  }
}

/**
 * Remembers `choice` ("system" forgets it) and applies it to `root`: `data-theme` pins the tokens'
 * colour scheme, its absence lets `prefers-color-scheme` decide. Applying never depends on storage
 * working.
 */
export function saveThemeChoice(
  storage: ThemeStorage | undefined,
  root: HTMLElement,
  choice: ThemeChoice,
): void {
  applyThemeChoice(root, choice);
  try {
    if (choice === "system") storage?.removeItem(themeStorageKey);
    else storage?.setItem(themeStorageKey, choice);
  } catch {
    // Not remembered across visits, but applied for this one.
  }
}

/** Sets or clears `data-theme` on `root` for `choice`. */
export function applyThemeChoice(root: HTMLElement, choice: ThemeChoice): void {
  if (choice === "system") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", choice);
}

/** `localStorage` when the browser lets the page use it. */
export function browserStorage(): ThemeStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
