import { readFile } from "node:fs/promises";
import type { Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signUpWithWorkspace } from "./accounts";
import { apiCalls } from "./api-calls";
import { resumeFixture, useProductSession } from "./product-session";

/**
 * A first load asks for the session and the page's first answer while the page's code downloads, not
 * after it has run (Lighthouse's mobile LCP): the profile page's chunk is held back until the browser
 * has asked for `auth.me` and `profiles.byId`, which only a prefetch can do before the page exists.
 */
describe("first-load prefetch (embedded product in Chromium)", () => {
  const session = useProductSession();

  it("asks for the session and the profile before the profile page's code has arrived", async () => {
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
    const profileId = document.profileId ?? "";
    expect(profileId).not.toBe("");

    const page = await browser.context.newPage();
    const procedures: string[] = [];
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    page.on("request", (request) => {
      const { pathname } = new URL(request.url());
      if (!pathname.startsWith("/trpc/")) return;
      procedures.push(...pathname.slice("/trpc/".length).split(","));
      if (procedures.includes("auth.me") && procedures.includes("profiles.byId")) release();
    });
    // Fails by timing out when the data is only asked for once the page's code has run.
    await page.route(/\/assets\/profile-page-[^/]*\.js$/, async (route: Route) => {
      await released;
      await route.continue();
    });
    await page.goto(`${baseUrl}/profiles/${profileId}`);
    await page.getByTestId("profile-page").getByRole("heading", { level: 1 }).waitFor();
    expect(procedures).toContain("profiles.byId");
    await page.close();
  });
});
