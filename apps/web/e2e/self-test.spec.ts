import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpWithWorkspace } from "./accounts";
import { type BrowserSession, launchBrowser } from "./browser";
import { type RunningProduct, startProduct } from "./product-server";

const outcomeTimeoutMs = 60_000;
const outcomeSelector = [
  "self-test-success",
  "self-test-failure",
  "self-test-start-error",
  "self-test-watch-error",
]
  .map((id) => `[data-testid="${id}"]`)
  .join(", ");

declare global {
  interface Window {
    progressSeen?: number[];
  }
}

/** Records every value the self-test progress bar takes, so the test can tell it advanced. */
async function recordProgressValues(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.progressSeen = [];
    const read = () => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="self-test-progress"]');
      const seen = window.progressSeen ?? [];
      if (bar !== null && seen[seen.length - 1] !== bar.value) seen.push(bar.value);
    };
    new MutationObserver(read).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
}

describe("status page self-test (embedded product in Chromium)", () => {
  let product: RunningProduct | undefined;
  let browser: BrowserSession | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    // Every app page is behind sign-in; this spec is about the Status page, so sign up directly.
    await signUpWithWorkspace(browser.context, product.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  async function openPage(): Promise<Page> {
    if (browser === undefined) throw new Error("The browser did not start.");
    const page = await browser.context.newPage();
    page.on("pageerror", (error) => pageErrors.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(`console error: ${message.text()}`);
    });
    return page;
  }

  function baseUrl(): string {
    if (product === undefined) throw new Error("The product did not start.");
    return product.baseUrl;
  }

  it("shows every dependency up and runs the self-test to success with live progress", async () => {
    const page = await openPage();
    await page.goto(`${baseUrl()}/`);
    await page.getByRole("heading", { level: 1, name: "Vitae" }).waitFor();

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Status" }).click();
    await page.waitForURL(`${baseUrl()}/status`);
    await page.getByRole("heading", { level: 1, name: "Status" }).waitFor();
    expect(await page.title()).toBe("Status · Vitae");

    await page.locator('[data-testid="status-ready"][data-ready="true"]').waitFor({ timeout: 30_000 });
    const rows = page.locator('[data-testid="status-components"] tbody tr');
    const names = await rows.locator("th").allTextContents();
    expect(names.sort()).toEqual(["Postgres", "Redis", "Storage"]);
    const states = await page
      .locator('[data-testid$="-status"][data-testid^="component-"]')
      .allTextContents();
    expect(states).toEqual(["up", "up", "up"]);
    expect(await page.getByTestId("status-mode").textContent()).toBe("embedded");
    expect((await page.getByTestId("status-version").textContent())?.trim()).not.toBe("");

    await recordProgressValues(page);
    await page.getByTestId("self-test-run").click();
    await page.getByTestId("self-test-progress").waitFor();

    const outcome = page.locator(outcomeSelector);
    await outcome.first().waitFor({ timeout: outcomeTimeoutMs });
    const outcomeId = await outcome.first().getAttribute("data-testid");
    const outcomeText = await outcome.first().textContent();
    expect(outcomeId, `self-test ended with: ${outcomeText}`).toBe("self-test-success");

    const seen = await page.evaluate(() => window.progressSeen ?? []);
    expect(seen.length, `progress values seen: ${seen.join(", ")}`).toBeGreaterThanOrEqual(2);
    expect(seen.at(-1)).toBe(100);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(await page.getByTestId("self-test-progress").getAttribute("value")).toBe("100");
    expect(await page.getByTestId("self-test-run").isEnabled()).toBe(true);
    const steps = await page
      .locator('[data-testid="self-test-timings"] tbody td:first-child')
      .allTextContents();
    expect(steps).toEqual([
      "Write probe to storage",
      "Read probe back and verify",
      "Record progress in Postgres",
      "Delete probe from storage",
    ]);

    const screenshotPath = process.env.E2E_SCREENSHOT_PATH;
    if (screenshotPath !== undefined) await page.screenshot({ path: screenshotPath, fullPage: true });

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("serves the app for unknown paths and shows a not-found page inside the shell", async () => {
    const page = await openPage();
    await page.goto(`${baseUrl()}/no-such-page`);
    await page.getByTestId("not-found").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Status" }).waitFor();
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
