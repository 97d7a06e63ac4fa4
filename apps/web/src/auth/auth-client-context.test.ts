import { afterEach, describe, expect, it } from "vitest";
import { lazyAuthClient } from "./auth-client-context";

describe("lazyAuthClient", () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, "window");
  });

  it("loads the client once and hands every caller the same one", async () => {
    Object.assign(globalThis, { window: { location: { origin: "http://127.0.0.1:3000" } } });
    const load = lazyAuthClient();
    const first = await load();
    expect(await load()).toBe(first);
    expect(typeof first.signIn.email).toBe("function");
  });

  it("forgets a failed load, so the next call tries again", async () => {
    // Without `window` the client cannot be created: the first load fails like a failed chunk fetch.
    const load = lazyAuthClient();
    await expect(load()).rejects.toThrow();
    Object.assign(globalThis, { window: { location: { origin: "http://127.0.0.1:3000" } } });
    const client = await load();
    expect(typeof client.signOut).toBe("function");
  });
});
