import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTestAccount } from "./accounts";
import { type BrowserSession, launchBrowser } from "./browser";
import { type RunningProduct, startProduct } from "./product-server";
import { resumeFile, scannedFile } from "./resume-pdf";

// Ingestion runs in the embedded worker: a child process extracts the text, then the heuristic parser.
const ingestTimeoutMs = 90_000;
// A signed-out visit makes `auth.me` answer 401 on purpose (the redirect to sign-in), and the rollback
// check refuses one `profiles.update` request on purpose; Chromium logs each as a console error.
const expectedConsoleError =
  /Failed to load resource: (the server responded with a status of 401|net::ERR_CONNECTION_REFUSED)/;

describe("documents and profiles (embedded product in Chromium)", () => {
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
    const page = await browser.context.newPage();
    page.on("pageerror", (error) => pageErrors.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" && !expectedConsoleError.test(message.text())) {
        pageErrors.push(`console error: ${message.text()}`);
      }
    });
    return page;
  }

  /** Waits until the row for `filename` settles and returns its status ("ready" or "failed"). */
  async function settledStatus(page: Page, filename: string): Promise<string> {
    const row = page.getByTestId("document-row").filter({ hasText: filename });
    const badge = row.locator(
      '[data-testid="document-status"][data-status="ready"], [data-testid="document-status"][data-status="failed"]',
    );
    await badge.waitFor({ timeout: ingestTimeoutMs });
    return (await badge.getAttribute("data-status")) ?? "";
  }

  it("signs up, uploads a PDF résumé, watches it become ready and opens and corrects its profile", async () => {
    const page = await openPage();
    const account = newTestAccount();

    await page.goto(`${baseUrl()}/documents`);
    await page.waitForURL(`${baseUrl()}/sign-in?next=%2Fdocuments`);
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByLabel("Name").fill(account.name);
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { level: 1, name: "Create your first workspace" }).waitFor();
    await page.getByLabel("Workspace name").fill("E2E Documents");
    await page.getByRole("button", { name: "Create workspace" }).click();
    await page.waitForURL(`${baseUrl()}/documents`);
    await page.getByRole("heading", { level: 1, name: "Documents" }).waitFor();
    await page.getByTestId("documents-empty").waitFor();
    expect(await page.title()).toBe("Documents · Vitae");

    // Refused in the browser before any request: an old Word file gets advice, not a failed upload.
    await page.getByTestId("file-input").setInputFiles({
      name: "old-cv.doc",
      mimeType: "application/msword",
      buffer: Buffer.from("not really a doc"),
    });
    const refusal = page.getByTestId("upload-item").filter({ hasText: "old-cv.doc" });
    expect(await refusal.getByTestId("upload-error").textContent()).toContain("save it as .docx or PDF");
    await refusal.getByRole("button", { name: /Dismiss/ }).click();
    await refusal.waitFor({ state: "detached" });

    const resume = await resumeFile();
    const { filename, facts } = resume;
    await page.getByTestId("file-input").setInputFiles({
      name: filename,
      mimeType: "application/pdf",
      buffer: resume.bytes,
    });
    await page
      .getByTestId("documents-announcement")
      .filter({ hasText: filename })
      .waitFor({ state: "attached" });
    const row = page.getByTestId("document-row").filter({ hasText: filename });
    const status = await settledStatus(page, filename);
    // Read only on failure: waiting for an error element that a ready row never has would stall.
    const failure = status === "ready" ? "" : await row.getByTestId("document-error").textContent();
    expect(status, `document failed: ${failure}`).toBe("ready");

    // The original comes back byte for byte, as an attachment with its own name.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      row.getByRole("button", { name: `Download ${filename}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(filename);
    const downloadedPath = await download.path();
    expect((await readFile(downloadedPath)).equals(resume.bytes)).toBe(true);

    await row.getByTestId("open-profile").click();
    await page.waitForURL(/\/profiles\/[0-9a-f-]{36}$/);
    await page.getByTestId("profile-name").filter({ hasText: facts.name }).waitFor();
    // The tab names the person first, so a row of profile tabs can be told apart.
    await expect.poll(() => page.title()).toBe(`${facts.name} · Profile · Vitae`);
    const companies = await page.getByTestId("experience-company").allTextContents();
    expect(
      companies.some((company) => facts.companies.some((expected) => company.includes(expected))),
      `companies on the page: ${companies.join(" | ")}`,
    ).toBe(true);
    const dates = await page.getByTestId("experience-dates").allTextContents();
    for (const span of dates)
      expect(span).toMatch(/^(Since |Until )?([A-Z][a-z]{2} )?\d{4}( – (Present|([A-Z][a-z]{2} )?\d{4}))?$/);

    // A correction shows at once and survives a reload (the server stored it).
    const headline = page.getByTestId("profile-headline");
    await headline.getByRole("button", { name: "Edit headline" }).click();
    await headline.getByLabel("headline").fill("Principal Engineer");
    await headline.getByRole("button", { name: "Save" }).click();
    await headline.getByText("Principal Engineer").waitFor();
    await page.getByText("Saving…").waitFor({ state: "detached" });
    await page.reload();
    await page.getByTestId("profile-headline").getByText("Principal Engineer").waitFor();

    // A correction the server never receives is rolled back, and the page says so.
    await page.route("**/trpc/profiles.update*", (route) => route.abort("connectionrefused"));
    const nameBlock = page.getByTestId("edit-name");
    await nameBlock.getByRole("button", { name: "Edit name" }).click();
    await page.getByTestId("edit-name-form").getByLabel("name").fill("Somebody Else");
    await page.getByTestId("edit-name-form").getByRole("button", { name: "Save" }).click();
    await page.getByText("Your correction was not saved, so the previous value is back.").waitFor();
    expect(await page.getByTestId("profile-name").textContent()).toBe(facts.name);
    await page.unroute("**/trpc/profiles.update*");
    await page.getByRole("button", { name: "Dismiss" }).click();

    const screenshotPath = process.env.E2E_PROFILE_SCREENSHOT_PATH;
    if (screenshotPath !== undefined) await page.screenshot({ path: screenshotPath, fullPage: true });

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("explains a scanned PDF in plain words and deletes a document after confirmation", async () => {
    const page = await openPage();
    await page.goto(`${baseUrl()}/documents`);
    await page.getByTestId("documents-table").waitFor();

    const { filename, bytes } = await scannedFile();
    // Dropped onto the zone this time, as a drag from the desktop would deliver it.
    await page.getByTestId("drop-zone").evaluate(
      (zone, file) => {
        const data = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], file.name, { type: "application/pdf" }));
        for (const type of ["dragenter", "dragover", "drop"]) {
          zone.dispatchEvent(
            new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
          );
        }
      },
      { name: filename, base64: bytes.toString("base64") },
    );
    expect(await settledStatus(page, filename)).toBe("failed");
    const row = page.getByTestId("document-row").filter({ hasText: filename });
    expect(await row.getByTestId("document-error").getAttribute("data-code")).toBe("NO_TEXT");
    expect(await row.getByTestId("document-error").textContent()).toBe(
      "This PDF has no selectable text — it looks scanned. Upload a text-based PDF or a DOCX.",
    );

    await row.getByTestId("delete-document").click();
    await page.getByTestId("confirm-delete-document").waitFor();
    await page.getByTestId("confirm-delete-document-confirm").click();
    await row.waitFor({ state: "detached" });
    await page
      .getByTestId("documents-announcement")
      .filter({ hasText: "deleted" })
      .waitFor({ state: "attached" });
    expect(await page.getByTestId("document-row").count()).toBe(1);

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
