import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { checkLayouts } from "./layout";
import { uploadResume, useProductSession } from "./product-session";

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
  const session = useProductSession();

  it("exports the résumé with progress and downloads a PDF and a DOCX", async () => {
    const { page } = await session.signUpAndOpenPage();
    const row = await uploadResume(page, session.baseUrl());
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

    expect(session.pageErrors).toEqual([]);
  });
});
