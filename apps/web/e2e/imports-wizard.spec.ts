import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiCalls } from "./api-calls";
import { checkLayouts } from "./layout";
import { useProductSession } from "./product-session";

const jobTimeoutMs = 120_000;
// The free plan's row cap: the largest file a new workspace may import.
const rowCount = 5_000;

/**
 * 5,000 employees: every 7th has an email without a domain ending, every 10th the status "Actve" (a
 * typo the checker suggests "active" for). Rows with problems: 714 + 500 − 71 (both) = 1,143.
 */
function bigCsv(): Buffer {
  const lines = ["Employee ID,First Name,Last Name,Email,Status"];
  for (let i = 1; i <= rowCount; i += 1) {
    const email = i % 7 === 0 ? `person${i}@example` : `person${i}@example.com`;
    lines.push(
      `E${String(i).padStart(5, "0")},First${i},Last${i},${email},${i % 10 === 0 ? "Actve" : "active"}`,
    );
  }
  return Buffer.from(`${lines.join("\n")}\n`);
}

/** A workbook whose first sheet is a summary; the people are on the second. */
async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const summary = book.addWorksheet("Summary");
  summary.addRow(["Report", "Generated"]);
  summary.addRow(["Headcount", "2026-03-01"]);
  const people = book.addWorksheet("People");
  people.addRow(["Employee ID", "First Name", "Last Name", "Email"]);
  people.addRow(["00123", "Ana", "Silva", "ana@example.com"]);
  people.addRow(["00124", "Ben", "Okafor", "ben@example.com"]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(page: Page, baseUrl: string, name: string, mimeType: string, buffer: Buffer) {
  await page.goto(`${baseUrl}/imports`);
  await page.getByTestId("file-input").setInputFiles({ name, mimeType, buffer });
  await page.waitForURL(/\/import\/[0-9a-f-]{36}$/, { timeout: jobTimeoutMs });
  await page.locator('[data-testid="import-page"][data-status="mapped"]').waitFor({ timeout: jobTimeoutMs });
}

async function ledgerIs(page: Page, sentence: string) {
  await page.waitForFunction(
    (expected) => document.querySelector('[data-testid="ledger-sentence"]')?.textContent === expected,
    sentence,
    { timeout: jobTimeoutMs },
  );
}

const loadedRows = async (page: Page) =>
  Number(await page.getByTestId("rows-loaded").getAttribute("data-loaded"));
const renderedRows = (page: Page) => page.locator('[data-testid="row"]').count();

describe("Imports wizard: live progress, the virtualised grid, sheets, saved mappings, history", () => {
  const session = useProductSession();

  it("checks 5,000 rows with progress over SSE, scrolls a virtualised grid and fixes a column from a row", async () => {
    const baseUrl = session.baseUrl();
    const { page } = await session.signUpAndOpenPage();
    const streamed: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/trpc/imports.progress")) streamed.push(request.url());
    });

    await upload(page, baseUrl, "staff.csv", "text/csv", bigCsv());
    // On a quiet machine analysis can finish before the page opens, so only the check below is sure to
    // run under the stream.
    const beforeCheck = streamed.length;
    await page.getByTestId("mapping-save").click();
    await page
      .locator('[data-testid="import-page"][data-status="validated"]')
      .waitFor({ timeout: jobTimeoutMs });
    expect(streamed.length).toBeGreaterThan(beforeCheck);
    await ledgerIs(page, "5,000 rows read: 3,857 valid, 1,143 rejected.");

    // Rows with problems: a page of 100 first, then more as the list scrolls; never more than a
    // screenful of cards in the page.
    await page.getByTestId("row").first().waitFor();
    expect(await page.getByTestId("rows-loaded").textContent()).toContain("of 1,143 rows loaded");
    expect(await loadedRows(page)).toBe(100);
    const list = page.getByTestId("row-list");
    for (let step = 0; step < 6; step += 1) {
      const before = await loadedRows(page);
      await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await page.waitForFunction(
        (count) =>
          Number(document.querySelector('[data-testid="rows-loaded"]')?.getAttribute("data-loaded")) > count,
        before,
        { timeout: jobTimeoutMs },
      );
      expect(await renderedRows(page)).toBeLessThan(60);
    }
    expect(await loadedRows(page)).toBeGreaterThanOrEqual(600);
    const lines = await page
      .locator('[data-testid="row"]')
      .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute("data-line"))));
    // Deep in the file (line 2 is the first data row), in source order.
    expect(Math.min(...lines)).toBeGreaterThan(1000);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    await checkLayouts(page, "import-grid-scrolled");

    // Filter by one problem, then fix the column from a row: the checker's suggestion fills the form.
    await page.getByTestId("rows-filter").selectOption("INVALID_ENUM");
    const typo = page.locator('[data-testid="row-error"][data-code="INVALID_ENUM"]').first();
    await typo.waitFor();
    expect(await typo.textContent()).toContain("Did you mean “active”?");
    // Another filter opens at its top, with its first page only (not at the last list's depth).
    expect(await loadedRows(page)).toBe(100);
    expect(await page.getByTestId("row").first().getAttribute("data-line")).toBe("11");
    const shown = page.getByTestId("row");
    const withTypo = shown.filter({ has: page.locator('[data-code="INVALID_ENUM"]') });
    expect(await withTypo.count()).toBe(await shown.count());
    await checkLayouts(page, "import-grid-filtered");
    await typo.getByTestId("row-fix").click();
    expect(await page.getByLabel("Field", { exact: true }).inputValue()).toBe("status");
    expect(await page.getByLabel(/Replacements/).inputValue()).toBe("Actve = active");
    await page.getByRole("button", { name: "Apply fix" }).click();
    await ledgerIs(page, "5,000 rows read: 4,286 valid, 714 rejected.");
    await page.getByTestId("rows-filter").selectOption("errors");
    await page.getByTestId("row").first().waitFor();
    expect(await page.locator('[data-testid="row-error"][data-code="INVALID_ENUM"]').count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });

  it("reads a workbook from the sheet the operator picks", async () => {
    const baseUrl = session.baseUrl();
    const page = await session.openPage();
    await upload(
      page,
      baseUrl,
      "people.xlsx",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      await workbook(),
    );
    expect(await page.getByTestId("detected-sheet").textContent()).toBe("Summary");
    expect(await page.getByTestId("mapping-row").count()).toBe(2);
    await checkLayouts(page, "import-sheet-choice");
    await page.getByTestId("sheet-select").selectOption("People");
    await page.getByTestId("sheet-read").click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="detected-sheet"]')?.textContent === "People",
      undefined,
      { timeout: jobTimeoutMs },
    );
    await page
      .locator('[data-testid="import-page"][data-status="mapped"]')
      .waitFor({ timeout: jobTimeoutMs });
    expect(await page.getByTestId("mapping-row").count()).toBe(4);
    expect(
      await page.locator('[data-testid="mapping-row"][data-column="Employee ID"] select').inputValue(),
    ).toBe("employeeId");
    expect(session.pageErrors).toEqual([]);
  });

  it("lists the import history in words and forgets a saved mapping after confirming", async () => {
    const baseUrl = session.baseUrl();
    const page = await session.openPage();
    await page.goto(`${baseUrl}/imports`);
    const history = page.getByTestId("import-row");
    await history.nth(1).waitFor();
    const statuses = await history.locator('[data-label="Status"]').allTextContents();
    expect(statuses).toEqual(["Ready to validate", "Validated"]);
    await checkLayouts(page, "imports-history");

    await page.getByTestId("saved-mappings-link").click();
    const saved = page.getByTestId("saved-mapping");
    await saved.first().waitFor();
    await expect.poll(() => page.title()).toBe("Saved mappings · Vitae");
    expect(await saved.count()).toBe(1);
    const columns = await saved.getByTestId("mapping-columns").textContent();
    expect(columns).toContain("Employee ID → ");
    expect(columns).toContain("Status → ");
    expect(await saved.getByTestId("mapping-fingerprint").isVisible()).toBe(false);
    await saved.getByText("Details").click();
    expect((await saved.getByTestId("mapping-fingerprint").textContent())?.length).toBeGreaterThan(8);
    await checkLayouts(page, "saved-mappings");

    await saved.getByTestId("mapping-forget").click();
    await page.getByTestId("confirm-forget-mapping").waitFor();
    await checkLayouts(page, "saved-mappings-confirm");
    await page.getByRole("button", { name: "Forget mapping" }).click();
    await page.getByTestId("mappings-empty").waitFor();
    const audit = await apiCalls(session.browser().context, baseUrl).query<{ items: { action: string }[] }>(
      "audit.list",
      {},
    );
    expect(audit.items.map((item) => item.action)).toContain("imports.forget-mapping");
    expect(session.pageErrors).toEqual([]);
  });
});
