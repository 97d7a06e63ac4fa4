import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTestAccount } from "./accounts";
import { type BrowserSession, launchBrowser } from "./browser";
import { type RunningProduct, startProduct } from "./product-server";

// A signed-out visit makes `auth.me` answer 401 on purpose; Chromium logs each such load as a console
// error. Those are expected here; every other console error fails the spec.
const expectedConsoleError = /Failed to load resource: the server responded with a status of 401/;

describe("identity and access (embedded product in Chromium)", () => {
  let product: RunningProduct | undefined;
  let browser: BrowserSession | undefined;
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

  async function openPage(): Promise<Page> {
    if (browser === undefined) throw new Error("The browser did not start.");
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl() });
    const page = await browser.context.newPage();
    page.on("pageerror", (error) => pageErrors.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" && !expectedConsoleError.test(message.text())) {
        pageErrors.push(`console error: ${message.text()}`);
      }
    });
    return page;
  }

  async function callMeWithKey(key: string): Promise<Response> {
    return fetch(`${baseUrl()}/trpc/auth.me`, { headers: { Authorization: `Bearer ${key}` } });
  }

  it("signs up, creates a workspace, shows a new API key once, revokes it and signs out", async () => {
    const page = await openPage();
    const account = newTestAccount();

    // A signed-out visit to an app page goes to sign-in, remembering where it was going.
    await page.goto(`${baseUrl()}/api-keys`);
    await page.waitForURL(`${baseUrl()}/sign-in?next=%2Fapi-keys`);
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL(`${baseUrl()}/sign-up?next=%2Fapi-keys`);

    await page.getByLabel("Name").fill(account.name);
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Create account" }).click();

    // A new account has no workspace: it is guided to create one, then continues to the page it asked for.
    await page.waitForURL(`${baseUrl()}/workspaces/new?next=%2Fapi-keys`);
    await page.getByRole("heading", { level: 1, name: "Create your first workspace" }).waitFor();
    await page.getByLabel("Workspace name").fill("E2E Recruiting");
    await page.getByRole("button", { name: "Create workspace" }).click();
    await page.waitForURL(`${baseUrl()}/api-keys`);
    await page.getByRole("heading", { level: 1, name: "API keys" }).waitFor();
    expect(await page.getByTestId("active-workspace").textContent()).toBe("E2E Recruiting");
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link").allTextContents()).toEqual([
      "Status",
      "Documents",
      "Postings",
      "Imports",
      "Members",
      "API keys",
      "Audit log",
      "Usage",
    ]);

    await page.getByLabel("Name", { exact: true }).fill("E2E integration");
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByTestId("new-key-dialog");
    await dialog.waitFor();
    const key = (await page.getByTestId("new-key-secret").textContent())?.trim() ?? "";
    expect(key.startsWith("vk_"), `new key: ${key.slice(0, 3)}…`).toBe(true);
    expect(await dialog.getByText("you will not see it again", { exact: false }).isVisible()).toBe(true);
    const copyButton = dialog.getByRole("button", { name: "Copy key" });
    expect(await copyButton.isVisible()).toBe(true);
    await copyButton.click();
    await page.getByTestId("copy-status").filter({ hasText: /\S/ }).waitFor();

    const screenshotPath = process.env.E2E_APIKEY_SCREENSHOT_PATH;
    // The viewport, not the full page: the modal's backdrop covers the viewport only.
    if (screenshotPath !== undefined) await page.screenshot({ path: screenshotPath });

    await dialog.getByRole("button", { name: "I have stored the key" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await page.content()).not.toContain(key);
    expect(await page.evaluate((secret) => (document.body.textContent ?? "").includes(secret), key)).toBe(
      false,
    );

    const row = page.getByTestId("api-key-E2E integration");
    await row.waitFor();
    expect(await row.getByTestId("api-key-state").textContent()).toBe("Active");

    const before = await callMeWithKey(key);
    expect(before.status).toBe(200);
    const me = (await before.json()) as { result?: { data?: { principal?: { kind?: string } } } };
    expect(me.result?.data?.principal?.kind).toBe("apiKey");

    await row.getByTestId("revoke-key").click();
    const confirm = page.getByTestId("confirm-revoke");
    await confirm.waitFor();
    await page.getByTestId("confirm-revoke-confirm").click();
    await confirm.waitFor({ state: "detached" });
    await row.getByTestId("api-key-state").filter({ hasText: "Revoked" }).waitFor();
    expect(await page.getByTestId("api-keys-status").textContent()).toContain("was revoked");

    const after = await callMeWithKey(key);
    expect(after.status).toBe(401);

    await page.getByTestId("user-menu-toggle").click();
    await page.getByTestId("sign-out").click();
    await page.waitForURL(`${baseUrl()}/sign-in`);

    await page.goto(`${baseUrl()}/members`);
    await page.waitForURL(`${baseUrl()}/sign-in?next=%2Fmembers`);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("signs back in and returns to the requested page, refusing an off-site next", async () => {
    const page = await openPage();
    const account = newTestAccount();
    const signUp = await fetch(`${baseUrl()}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: baseUrl() },
      body: JSON.stringify(account),
    });
    expect(signUp.status).toBe(200);

    await page.goto(`${baseUrl()}/sign-in?next=${encodeURIComponent("//evil.example/steal")}`);
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const failure = page.getByTestId("sign-in-error");
    await failure.waitFor();
    expect(await failure.textContent()).toContain("That email and password do not match an account.");

    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl()}/`);
    await page.getByTestId("no-workspace").waitFor();

    await page.goto(`${baseUrl()}/usage`);
    await page.waitForURL(`${baseUrl()}/workspaces/new?next=%2Fusage`);

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
