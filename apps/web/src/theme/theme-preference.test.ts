import { describe, expect, it } from "vitest";
import {
  applyThemeChoice,
  readThemeChoice,
  saveThemeChoice,
  type ThemeStorage,
  themeStorageKey,
} from "./theme-preference";

function memoryStorage(initial: Record<string, string> = {}): ThemeStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const failing: ThemeStorage = {
  getItem: () => {
    throw new Error("SecurityError");
  },
  setItem: () => {
    throw new Error("QuotaExceededError");
  },
  removeItem: () => {
    throw new Error("SecurityError");
  },
};

/** Just enough of an element to watch `data-theme`. */
function fakeRoot() {
  const attributes = new Map<string, string>();
  const root = {
    setAttribute: (name: string, value: string) => void attributes.set(name, value),
    removeAttribute: (name: string) => void attributes.delete(name),
  } as unknown as HTMLElement;
  return { root, theme: () => attributes.get("data-theme") };
}

describe("theme preference", () => {
  it("reads a remembered choice and falls back to the system for anything else", () => {
    expect(readThemeChoice(memoryStorage({ [themeStorageKey]: "dark" }))).toBe("dark");
    expect(readThemeChoice(memoryStorage({ [themeStorageKey]: "purple" }))).toBe("system");
    expect(readThemeChoice(memoryStorage())).toBe("system");
    expect(readThemeChoice(undefined)).toBe("system");
    expect(readThemeChoice(failing)).toBe("system");
  });

  it("remembers light and dark, forgets on system, and pins data-theme accordingly", () => {
    const storage = memoryStorage();
    const { root, theme } = fakeRoot();
    saveThemeChoice(storage, root, "dark");
    expect(storage.data.get(themeStorageKey)).toBe("dark");
    expect(theme()).toBe("dark");
    saveThemeChoice(storage, root, "system");
    expect(storage.data.has(themeStorageKey)).toBe(false);
    expect(theme()).toBeUndefined();
  });

  it("still applies the choice when storage refuses to remember it", () => {
    const { root, theme } = fakeRoot();
    expect(() => saveThemeChoice(failing, root, "light")).not.toThrow();
    expect(theme()).toBe("light");
    applyThemeChoice(root, "system");
    expect(theme()).toBeUndefined();
  });
});
