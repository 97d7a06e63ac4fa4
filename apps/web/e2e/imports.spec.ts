import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { checkLayouts } from "./layout";
import { useProductSession } from "./product-session";

const jobTimeoutMs = 90_000;
const filename = "hris-export.csv";

/**
 * What an HRIS exports on a German Windows desktop: Windows-1252, semicolons, a title line above the
 * header, ids and postal codes with leading zeros. Line 4 has a bad email, line 5 no id, line 7 repeats
 * line 3's id (five data rows).
 */
const lines = [
  "Mitarbeiterliste – Acme GmbH – Stand 01.03.2026",
  "Employee No;First Name;Last Name;E-mail;Hire Date;Department;Postal Code",
  "00123;José;Müller;jose.muller@example.com;2021-03-15;Finance;02139",
  "00124;Anna;Schmidt;anna.schmidt@example;2020-11-02;Sales;10115",
  ";Pierre;Dubois;pierre@example.com;2019-07-01;HR;75001",
  "00125;Zoë;Åberg;zoe@example.com;2022-01-10;Engineering;11122",
  "00123;Dup;Licate;dup@example.com;2022-02-02;Sales;12345",
];

/** Windows-1252: Latin-1 for these letters, and the en dash at 0x96 (absent from Latin-1). */
function windows1252(text: string): Buffer {
  return Buffer.from(Array.from(text, (char) => (char === "–" ? 0x96 : (char.codePointAt(0) ?? 0x3f))));
}
const fileBytes = windows1252(`${lines.join("\r\n")}\r\n`);

async function uploadFixture(page: Page) {
  await page
    .getByTestId("file-input")
    .setInputFiles({ name: filename, mimeType: "text/csv", buffer: fileBytes });
  await page.waitForURL(/\/import\/[0-9a-f-]{36}$/, { timeout: jobTimeoutMs });
  await page.locator('[data-testid="import-page"][data-status="mapped"]').waitFor({ timeout: jobTimeoutMs });
}

/** Clicks a button and returns the file the browser saves. */
async function download(page: Page, testId: string, nth = 0) {
  const [file] = await Promise.all([
    page.waitForEvent("download", { timeout: jobTimeoutMs }),
    page.getByTestId(testId).nth(nth).click(),
  ]);
  return { name: file.suggestedFilename(), text: (await readFile(await file.path())).toString("utf8") };
}

async function fieldOf(page: Page, column: string): Promise<string> {
  return page.locator(`[data-testid="mapping-row"][data-column="${column}"] select`).inputValue();
}

/** Waits until the wizard's region sentence says `words` (the calling code arrives with the country list). */
async function regionSummaryReads(page: Page, words: string) {
  await page.waitForFunction(
    (expected) => document.querySelector('[data-testid="region-summary"]')?.textContent?.includes(expected),
    words,
    { timeout: jobTimeoutMs },
  );
}

describe("Imports: an HR spreadsheet from upload to exports (embedded product in Chromium)", () => {
  const session = useProductSession();

  it("maps, checks, exports CSV/JSON/XML with a balanced ledger, and remembers the mapping", async () => {
    const baseUrl = session.baseUrl();
    const { page } = await session.signUpAndOpenPage();
    const streams = new Set<string>();
    page.on("request", (request) => {
      const match = /\/trpc\/((?:imports|exports)\.progress)\?/.exec(request.url());
      if (match?.[1] !== undefined) streams.add(match[1]);
    });

    await page.goto(`${baseUrl}/imports`);
    await page.getByTestId("imports-empty").waitFor();
    await checkLayouts(page, "imports-empty");

    await uploadFixture(page);
    expect(await page.getByTestId("detected-encoding").textContent()).toMatch(/1252/);
    expect(await page.getByTestId("detected-delimiter").textContent()).toContain("semicolon");
    expect(await page.getByTestId("detected-header").textContent()).toContain("Line 2");
    expect(await fieldOf(page, "Employee No")).toBe("employeeId");
    expect(["email", "workEmail"]).toContain(await fieldOf(page, "E-mail"));
    expect(await fieldOf(page, "Postal Code")).toBe("postalCode");
    const reasons = await page.getByTestId("mapping-reason").allTextContents();
    expect(reasons).toHaveLength(7);
    for (const reason of reasons) expect(reason.length).toBeGreaterThan(5);
    expect(await page.getByTestId("mapping-from-memory").count()).toBe(0);
    await checkLayouts(page, "import-mapped");

    // The operator decides: this is the personal email, not the work one. The change is what is checked.
    await page.locator('[data-testid="mapping-row"][data-column="E-mail"] select').selectOption("email");
    await page.getByTestId("mapping-save").click();
    await page
      .locator('[data-testid="import-page"][data-status="validated"]')
      .waitFor({ timeout: jobTimeoutMs });
    expect(await page.getByTestId("ledger-sentence").textContent()).toBe("5 rows read: 2 valid, 3 rejected.");

    // Rejected rows, each error in words with its line and column.
    const rows = page.getByTestId("row");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    const emailRow = rows.filter({ hasText: "Line 4" });
    expect(await emailRow.getByTestId("row-error").getAttribute("data-code")).toBe("INVALID_EMAIL");
    expect(await emailRow.textContent()).toContain("Column “E-mail”");
    expect(await emailRow.textContent()).toContain("Not a valid email address.");
    expect(await emailRow.textContent()).toContain("anna.schmidt@example");
    await page.getByTestId("rows-filter").selectOption("REQUIRED");
    await page.locator('[data-testid="row-error"][data-code="REQUIRED"]').waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("Line 5");
    await checkLayouts(page, "import-validated");

    const csv = await download(page, "import-export-csv");
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain("José");
    expect(csv.text).toContain("Zoë");
    expect(csv.text).toContain("00123");
    expect(csv.text).toContain("02139");
    expect(csv.text).not.toContain("anna.schmidt");
    const json = await download(page, "import-export-json");
    const records = JSON.parse(json.text) as unknown[];
    expect(records).toHaveLength(2);
    expect(json.text).toContain('"00123"');
    expect(json.text).toContain("Müller");
    const xml = await download(page, "import-export-xml");
    expect(xml.text).toMatch(/^<\?xml/);
    expect(xml.text).toContain("Åberg");

    const ledgers = page.getByTestId("export-ledger");
    await ledgers.nth(2).waitFor();
    for (const text of await ledgers.allTextContents())
      expect(text).toContain("5 rows read: 2 exported, 3 rejected.");
    // Analysis, the check and each export were followed over SSE, not by polling.
    expect([...streams].sort()).toEqual(["exports.progress", "imports.progress"]);
    const rejected = await download(page, "download-rejected");
    expect(rejected.text).toContain("INVALID_EMAIL");
    expect(rejected.text).toContain("anna.schmidt@example");
    await checkLayouts(page, "import-exported");

    // A bulk fix: the one bad email replaced; only that row is re-checked and the ledger follows.
    await page.getByLabel("Field", { exact: true }).selectOption("email");
    await page.getByLabel("Fix", { exact: true }).selectOption("valueMap");
    await page.getByLabel(/Replacements/).fill("anna.schmidt@example = anna.schmidt@example.com");
    await page.getByRole("button", { name: "Apply fix" }).click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="ledger-sentence"]')?.textContent ===
        "5 rows read: 3 valid, 2 rejected.",
      undefined,
      { timeout: jobTimeoutMs },
    );
    await page.getByTestId("rows-filter").selectOption("errors");
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="row"]').length === 2);
    expect(await page.locator('[data-testid="row-error"][data-code="INVALID_EMAIL"]').count()).toBe(0);
    expect(await page.locator('[data-testid="row-error"][data-code="REQUIRED"]').count()).toBe(1);

    // The same headers again: mapped from memory, with the reason saying so.
    await page.goto(`${baseUrl}/imports`);
    await uploadFixture(page);
    await page.getByTestId("mapping-from-memory").waitFor();
    expect(await fieldOf(page, "Employee No")).toBe("employeeId");
    expect(await fieldOf(page, "E-mail")).toBe("email");
    for (const reason of await page.getByTestId("mapping-reason").allTextContents()) {
      expect(reason).toMatch(/^Remembered/);
    }
    await checkLayouts(page, "import-remembered");

    await page.goto(`${baseUrl}/imports`);
    const history = page.getByTestId("import-row");
    await history.nth(1).waitFor();
    expect(await history.count()).toBe(2);
    await checkLayouts(page, "imports-history");
    await page.getByTestId("import-delete").first().click();
    await page.getByRole("button", { name: "Delete import" }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="import-row"]').length === 1);

    expect(session.pageErrors).toEqual([]);
  });
  it("reads local phone numbers in the country the headers suggest, and in the one the operator picks", async () => {
    const baseUrl = session.baseUrl();
    const page = await session.openPage();
    await page.goto(`${baseUrl}/imports`);
    const csv = [
      "Personalnummer;Vorname;Nachname;Telefon",
      "00201;Jonas;Weber;0171 2345678",
      "00202;Mia;Becker;030 1234567",
    ].join("\n");
    await page
      .getByTestId("file-input")
      .setInputFiles({ name: "telefonliste.csv", mimeType: "text/csv", buffer: Buffer.from(`${csv}\n`) });
    await page.waitForURL(/\/import\/[0-9a-f-]{36}$/, { timeout: jobTimeoutMs });
    await page
      .locator('[data-testid="import-page"][data-status="mapped"]')
      .waitFor({ timeout: jobTimeoutMs });
    expect(await fieldOf(page, "Telefon")).toBe("phone");
    await regionSummaryReads(page, "read as Germany (+49) numbers");
    await checkLayouts(page, "import-region");

    await page.getByTestId("region-select").selectOption("AT");
    await page.getByTestId("region-apply").click();
    await regionSummaryReads(page, "read as Austria (+43) numbers");
    await page
      .locator('[data-testid="import-page"][data-status="validated"]')
      .waitFor({ timeout: jobTimeoutMs });
    await page.reload();
    await regionSummaryReads(page, "read as Austria (+43) numbers");
    expect(session.pageErrors).toEqual([]);
  });
});
