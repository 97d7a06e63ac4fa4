import { readFile } from "node:fs/promises";
import type { Page, Route } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { signUpWithWorkspace } from "./accounts";
import { apiCalls } from "./api-calls";
import { resumeFixture, useProductSession } from "./product-session";

/**
 * Holds back the page chunk matching `chunk` until the browser has asked for every procedure in
 * `procedures`, and returns the procedures asked for so far. Only a prefetch can ask for a page's data
 * before the page exists, so without one the page never renders and the caller times out.
 */
async function holdChunkUntilAsked(page: Page, chunk: RegExp, procedures: readonly string[]) {
  const asked: string[] = [];
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (!pathname.startsWith("/trpc/")) return;
    asked.push(...pathname.slice("/trpc/".length).split(","));
    if (procedures.every((procedure) => asked.includes(procedure))) release();
  });
  await page.route(chunk, async (route: Route) => {
    await released;
    await route.continue();
  });
  return asked;
}

/**
 * A first load asks for the session and the page's first answer while the page's code downloads, not
 * after it has run (Lighthouse's mobile LCP): the page's chunk is held back until the browser has asked
 * for `auth.me` and the page's first query.
 */
describe("first-load prefetch (embedded product in Chromium)", () => {
  const session = useProductSession();
  let profileId = "";

  // One signed-in account with one résumé read into a profile, for every test.
  beforeAll(async () => {
    const baseUrl = session.baseUrl();
    const browser = session.browser();
    await signUpWithWorkspace(browser.context, baseUrl);
    const api = apiCalls(browser.context, baseUrl);
    const document = await api.waitUntilSettled(
      await api.upload({
        name: resumeFixture.filename,
        contentType: "application/pdf",
        bytes: await readFile(resumeFixture.path),
      }),
    );
    profileId = document.profileId ?? "";
  });

  it("asks for the session and the profile before the profile page's code has arrived", async () => {
    const baseUrl = session.baseUrl();
    expect(profileId).not.toBe("");
    const page = await session.openPage();
    const asked = await holdChunkUntilAsked(page, /\/assets\/profile-page-[^/]*\.js$/, [
      "auth.me",
      "profiles.byId",
    ]);
    await page.goto(`${baseUrl}/profiles/${profileId}`);
    await page.getByTestId("profile-page").getByRole("heading", { level: 1 }).waitFor();
    expect(asked).toContain("profiles.byId");
    await page.close();
  });

  it("asks for the session and the document list before the Documents page's code has arrived", async () => {
    const baseUrl = session.baseUrl();
    const page = await session.openPage();
    const asked = await holdChunkUntilAsked(page, /\/assets\/documents-page-[^/]*\.js$/, [
      "auth.me",
      "documents.list",
    ]);
    await page.goto(`${baseUrl}/documents`);
    await page.getByTestId("documents-page").getByRole("heading", { level: 1 }).waitFor();
    // Asked once: the page reads the prefetched entry instead of asking again.
    expect(asked.filter((procedure) => procedure === "documents.list")).toEqual(["documents.list"]);
    await page.close();
  });

  it("asks for the dashboard's figures before the dashboard is on the page", async () => {
    const baseUrl = session.baseUrl();
    const page = await session.openPage();
    // The home's code is in the entry chunk, so nothing can be held back: the page notes when it first
    // asked for `usage.dashboard` and when the dashboard appeared, both before any of the app's code runs.
    await page.addInitScript(() => {
      const marks: Record<string, number> = {};
      Object.assign(window, { firstLoadMarks: marks });
      const fetchBefore = window.fetch.bind(window);
      window.fetch = (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (url.includes("usage.dashboard")) marks.asked ??= performance.now();
        return fetchBefore(input, init);
      };
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="dashboard"]') !== null) marks.shown ??= performance.now();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${baseUrl}/`);
    await page.locator('[data-testid="dashboard"][data-loaded="true"]').waitFor();
    const marks = await page.evaluate(
      () => (window as unknown as { firstLoadMarks: { asked?: number; shown?: number } }).firstLoadMarks,
    );
    expect(marks.asked).toBeDefined();
    expect(marks.shown).toBeDefined();
    expect(marks.asked).toBeLessThan(marks.shown ?? 0);
    await page.close();
  });
});
