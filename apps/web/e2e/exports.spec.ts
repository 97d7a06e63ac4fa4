import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpWithWorkspace } from "./accounts";
import { type BrowserSession, launchBrowser } from "./browser";
import { checkLayouts } from "./layout";
import { type RunningProduct, startProduct } from "./product-server";

const fixturePath = fileURLToPath(
  new URL("../../../packages/documents/fixtures/resumes/marcus-lee.pdfkit.pdf", import.meta.url),
);
const filename = "marcus-lee.pdf";
const ingestTimeoutMs = 90_000;
const exportTimeoutMs = 60_000;

/** Clicks a format button and returns the file the browser saves once the export is ready. */
async function exportAndDownload(page: Page, format: "pdf" | "docx") {
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: exportTimeoutMs }),
    page.getByTestId(`export-${format}`).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

describe("Export: a profile as PDF and DOCX from the profile page (embedded product in Chromium)", () => {
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

  it("exports the résumé with progress and downloads a PDF and a DOCX", async () => {
    if (browser === undefined || product === undefined)
      throw new Error("The product or browser did not start.");
    const baseUrl = product.baseUrl;
    await signUpWithWorkspace(browser.context, baseUrl);
    const page = await browser.context.newPage();
    page.on("pageerror", (error) => pageErrors.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(`console error: ${message.text()}`);
    });

    await page.goto(`${baseUrl}/documents`);
    await page.getByTestId("file-input").setInputFiles({
      name: filename,
      mimeType: "application/pdf",
      buffer: await readFile(fixturePath),
    });
    const row = page.getByTestId("document-row").filter({ hasText: filename });
    await row
      .locator('[data-testid="document-status"][data-status="ready"]')
      .waitFor({ timeout: ingestTimeoutMs });
    await row.getByTestId("open-profile").click();
    await page.waitForURL(/\/profiles\/[0-9a-f-]{36}$/);

    const panel = page.getByTestId("export-panel");
    await panel.waitFor();
    expect(await panel.getByRole("heading", { level: 2 }).textContent()).toBe("Export résumé");
    await checkLayouts(page, "profile-export");

    const pdf = await exportAndDownload(page, "pdf");
    expect(pdf.name).toBe("resume-marcus-lee.pdf");
    expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.bytes.toString("latin1")).toContain("/FontFile2");

    await page.getByLabel("Template").selectOption({ label: "Modern" });
    const docx = await exportAndDownload(page, "docx");
    expect(docx.name).toBe("resume-marcus-lee.docx");
    expect(docx.bytes.subarray(0, 2).toString("latin1")).toBe("PK");

    // Both exports are listed as ready, newest first, each with a way to download it again.
    const jobs = page.getByTestId("export-job");
    expect(await jobs.count()).toBe(2);
    expect(await jobs.nth(0).getAttribute("data-status")).toBe("ready");
    expect(await jobs.nth(0).textContent()).toContain("DOCX · Modern");
    expect(await jobs.nth(1).textContent()).toContain("PDF · Classic");
    const [again] = await Promise.all([
      page.waitForEvent("download", { timeout: exportTimeoutMs }),
      jobs.nth(1).getByTestId("export-download").click(),
    ]);
    expect(again.suggestedFilename()).toBe("resume-marcus-lee.pdf");
    await checkLayouts(page, "profile-exported");

    expect(pageErrors).toEqual([]);
  });
});
