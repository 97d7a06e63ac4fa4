import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpWithWorkspace, type TestAccount } from "./accounts";
import { apiCalls } from "./api-calls";
import { type BrowserSession, launchBrowser } from "./browser";
import { checkLayouts } from "./layout";
import { type RunningProduct, startProduct } from "./product-server";

// A signed-out visit makes `auth.me` answer 401 on purpose; Chromium logs each such load.
const expectedConsoleError = /Failed to load resource: the server responded with a status of 401/;

const resume = [
  "Marisol Okafor",
  "Head of Data Engineering",
  "marisol.okafor@example.com | Lagos, Nigeria",
  "",
  "Experience",
  "Head of Data Engineering, Kestrel Analytics",
  "Mar 2020 - Present",
  "- Led a team of nine building pipelines on PostgreSQL and Kafka.",
  "",
  "Skills",
  "Python, PostgreSQL, Kafka, dbt",
  "",
].join("\n");

/**
 * Every signed-in page and the signed-out home, each at a phone and a desktop width: it says in its
 * title what it shows, nothing scrolls sideways, wide tables turn into one card per row on the phone, and
 * the phone's header stays one compact row with the navigation behind a menu button; in the dark theme
 * every page keeps its text readable (`E2E_DARK_SCREENSHOT_DIR` saves each page at both widths).
 */
describe("every page at 390 and 1440 px (embedded product in Chromium)", () => {
  let product: RunningProduct | undefined;
  let browser: BrowserSession | undefined;
  let account: TestAccount | undefined;
  let profileId = "";
  const pageErrors: string[] = [];

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  function baseUrl(): string {
    if (product === undefined) throw new Error("The product did not start.");
    return product.baseUrl;
  }

  async function openPage(path: string): Promise<Page> {
    if (browser === undefined) throw new Error("The browser did not start.");
    const page = await browser.context.newPage();
    page.on("pageerror", (error) => pageErrors.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" && !expectedConsoleError.test(message.text())) {
        pageErrors.push(`console error: ${message.text()}`);
      }
    });
    await page.goto(`${baseUrl()}${path}`);
    return page;
  }

  it("opens signed out on a home that says what Vitae does, with sign-in and sign-up", async () => {
    const page = await openPage("/");
    const home = page.getByTestId("signed-out-home");
    await home.waitFor();
    expect(await page.title()).toBe("Ask, match and map résumés · Vitae");
    const text = (await home.textContent()) ?? "";
    for (const word of ["Ask", "Match", "Map"]) expect(text).toContain(word);
    await checkLayouts(page, "signed-out-home");

    await home.getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL(/\/sign-up$/);
    expect(await page.title()).toBe("Create your account · Vitae");
    await page.goBack();
    await home.getByRole("link", { name: "Sign in" }).click();
    await page.waitForURL(/\/sign-in$/);
    expect(await page.title()).toBe("Sign in · Vitae");
    // Any other page still sends a signed-out visitor to sign-in and back.
    await page.goto(`${baseUrl()}/documents`);
    await page.waitForURL(/\/sign-in\?next=%2Fdocuments$/);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("titles every signed-in page after what it shows and keeps each inside a phone's width", async () => {
    if (browser === undefined) throw new Error("The browser did not start.");
    account = await signUpWithWorkspace(browser.context, baseUrl());
    const api = apiCalls(browser.context, baseUrl());
    const document = await api.waitUntilSettled(
      await api.upload({ name: "marisol-okafor.txt", contentType: "text/plain", bytes: Buffer.from(resume) }),
    );
    expect(document.status).toBe("ready");
    profileId = document.profileId ?? "";
    // Rows for the tables that used to overflow: a key with many scopes, an invitation, audit entries.
    await api.mutate("apiKeys.create", {
      name: "Nightly applicant-tracking sync",
      scopes: ["workspace:read", "documents:read", "documents:write", "members:read", "usage:read"],
    });
    await api.mutate("members.invite", {
      email: "a.very.long.address.for.testing@example.com",
      role: "member",
    });

    const pages = [
      { path: "/", title: "Home · Vitae", ready: "home-page" },
      { path: "/documents", title: "Documents · Vitae", ready: "documents-table" },
      { path: `/profiles/${profileId}`, title: "Marisol Okafor · Profile · Vitae", ready: "profile-page" },
      { path: `/profiles/${profileId}/ask`, title: "Marisol Okafor · Ask · Vitae", ready: "ask-page" },
      { path: "/members", title: "Members · Vitae", ready: "invitations-table" },
      { path: "/api-keys", title: "API keys · Vitae", ready: "api-keys-table" },
      { path: "/audit", title: "Audit log · Vitae", ready: "audit-table" },
      { path: "/usage", title: "Usage · Vitae", ready: "usage-page" },
      { path: "/status", title: "Status · Vitae", ready: "status-components" },
      { path: "/postings", title: "Postings · Vitae", ready: "postings-page" },
      { path: "/workspaces/new", title: "New workspace · Vitae", ready: "create-workspace-page" },
    ];
    for (const entry of pages) {
      const page = await openPage(entry.path);
      await page.getByTestId(entry.ready).first().waitFor();
      await expect.poll(() => page.title(), { message: entry.path }).toBe(entry.title);
      await checkLayouts(page, entry.path === "/" ? "home" : entry.path.slice(1).replaceAll("/", "-"));
      await page.close();
    }
    expect(pageErrors).toEqual([]);
  });

  it("keeps every page readable in the dark theme: no light surface left, text contrast at 390 and 1440 px", async () => {
    if (browser === undefined) throw new Error("The browser did not start.");
    const api = apiCalls(browser.context, baseUrl());
    const { postingId } = await api.mutate<{ postingId: string }>("postings.create", {
      text: ["Requirements", "- Kafka streaming", "- PostgreSQL", "- Kubernetes is a plus", ""].join("\n"),
      title: "Data Platform Lead",
    });
    const paths = [
      "/",
      "/documents",
      `/profiles/${profileId}`,
      `/profiles/${profileId}?review`,
      `/profiles/${profileId}/ask`,
      "/postings",
      `/posting/${postingId}`,
      "/members",
      "/api-keys",
      "/audit",
      "/usage",
      "/status",
      "/imports",
      "/workspaces/new",
    ];
    const directory = process.env.E2E_DARK_SCREENSHOT_DIR;
    const found: string[] = [];
    for (const path of paths) {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme: "dark" });
      await page.goto(`${baseUrl()}${path}`);
      await page.locator("h1").first().waitFor();
      // Let the page's queries land, so what is checked is the page as a person sees it.
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
        "rgb(15, 20, 26)",
      );
      for (const viewport of [
        { width: 390, height: 844 },
        { width: 1440, height: 900 },
      ]) {
        await page.setViewportSize(viewport);
        if (directory !== undefined) {
          const short = path.replace(profileId, "profile").replace(postingId, "posting");
          const name = short.slice(1).replaceAll(/[/?]/g, "-") || "home";
          await page.screenshot({ path: `${directory}/dark-${name}-${viewport.width}.png`, fullPage: true });
        }
        const { violations } = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
        for (const violation of violations) {
          found.push(
            `${path} ${viewport.width}px: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
          );
        }
      }
      await page.close();
    }
    expect(found).toEqual([]);
    expect(pageErrors).toEqual([]);
    // Fourteen pages, two widths and an axe pass each: minutes on a busy machine, not a wall-clock check.
  }, 600_000);

  it("on a phone, keeps the navigation behind a menu button and closes it after a choice", async () => {
    const page = await openPage("/documents");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("documents-table").waitFor();
    // The account shows its initials, at a size one can tap, beside the workspace name.
    const account = page.getByTestId("user-menu-toggle");
    expect(await account.locator(".user-name").isVisible()).toBe(false);
    expect(await account.locator(".user-initials").isVisible()).toBe(true);
    expect(await account.locator(".user-initials").textContent()).toMatch(/^[A-Z0-9]{1,2}$/);
    expect((await account.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(32);
    // What shows is part of what it is announced as (WCAG label in name).
    const initials = (await account.locator(".user-initials").textContent()) ?? "";
    expect(await account.getAttribute("aria-label")).toContain(initials);
    const toggle = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.isVisible()).toBe(false);
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await nav.getByRole("link", { name: "Usage" }).click();
    await page.waitForURL(/\/usage$/);
    expect(await nav.isVisible()).toBe(false);
    // Escape closes it too and gives focus back to the button.
    await toggle.click();
    await nav.getByRole("link", { name: "Members" }).focus();
    await page.keyboard.press("Escape");
    expect(await nav.isVisible()).toBe(false);
    expect(await toggle.evaluate((element) => element === document.activeElement)).toBe(true);

    // On a desktop the navigation is always shown and there is no menu button.
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await nav.isVisible()).toBe(true);
    expect(await toggle.isVisible()).toBe(false);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("shows API keys, members and invitations as one card per row on a phone", async () => {
    const page = await openPage("/api-keys");
    await page.setViewportSize({ width: 390, height: 844 });
    const row = page.getByTestId("api-key-Nightly applicant-tracking sync");
    await row.waitFor();
    // A card: the row is a block as wide as the list, its column names shown beside each value.
    expect(await row.evaluate((element) => getComputedStyle(element).display)).toBe("block");
    const created = row.locator('td[data-label="Created"]');
    expect(await created.evaluate((element) => getComputedStyle(element, "::before").content)).toBe(
      '"Created: "',
    );
    await page.goto(`${baseUrl()}/members`);
    const invitation = page.getByTestId("invitations-table").locator("tbody tr").first();
    await invitation.waitFor();
    expect(await invitation.evaluate((element) => getComputedStyle(element).display)).toBe("block");
    const member = page.getByTestId("members-table").locator("tbody tr").first();
    expect(await member.evaluate((element) => getComputedStyle(element).display)).toBe("block");
    expect(await member.textContent()).toContain(account?.email ?? "no account");
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
