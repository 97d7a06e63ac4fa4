import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpWithWorkspace, type TestAccount } from "./accounts";
import { type ApiDocument, apiCalls } from "./api-calls";
import { type BrowserSession, launchBrowser } from "./browser";
import { checkLayouts } from "./layout";
import { type RunningProduct, startProduct } from "./product-server";
import { scannedFile } from "./resume-pdf";

/** A plain-text résumé per person, so each ready document has its own profile. */
function textResume(name: string, company: string): Buffer {
  return Buffer.from(
    [
      name,
      "Staff Engineer",
      `${name.toLowerCase().replace(" ", ".")}@example.com | London, UK`,
      "",
      "Experience",
      `Staff Engineer, ${company}`,
      "Jan 2021 - Present",
      "- Built services in TypeScript on PostgreSQL.",
      "",
      "Skills",
      "TypeScript, PostgreSQL, Kubernetes",
      "",
    ].join("\n"),
  );
}

// The delete of a document deleted elsewhere is refused with a 404 on purpose; Chromium logs it.
const expectedConsoleError = /Failed to load resource: the server responded with a status of 404/;

describe("document rows, deletes and the audit log (embedded product in Chromium)", () => {
  let product: RunningProduct | undefined;
  let browser: BrowserSession | undefined;
  let account: TestAccount | undefined;
  // Oldest first, as uploaded; the page lists them newest first.
  const uploaded: ApiDocument[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    account = await signUpWithWorkspace(browser.context, product.baseUrl);
    const api = apiCalls(browser.context, product.baseUrl);
    const scanned = await scannedFile();
    const files = [
      { name: scanned.filename, contentType: "application/pdf", bytes: scanned.bytes },
      { name: "grace-hopper.txt", contentType: "text/plain", bytes: textResume("Grace Hopper", "Univac") },
      {
        name: "alan-turing.txt",
        contentType: "text/plain",
        bytes: textResume("Alan Turing", "Bletchley Labs"),
      },
    ];
    // One at a time, each settled before the next: every row then has its own status and update time.
    for (const file of files) {
      uploaded.push(await api.waitUntilSettled(await api.upload(file)));
    }
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

  function rowOf(page: Page, documentId: string): Locator {
    return page.locator(`[data-testid="document-row"][data-document-id="${documentId}"]`);
  }

  it("shows every settled row as its own document after a reload, and deletes exactly the one clicked", async () => {
    expect(uploaded.map((document) => document.status)).toEqual(["failed", "ready", "ready"]);
    const [oldest, middle, newest] = uploaded as [ApiDocument, ApiDocument, ApiDocument];
    expect(new Set(uploaded.map((document) => document.profileId)).size).toBe(3);

    const page = await openPage("/documents");
    await page.getByTestId("documents-table").waitFor();
    await page.reload();
    await page.getByTestId("document-row").nth(2).waitFor();
    expect(await page.getByTestId("document-row").count()).toBe(3);

    for (const document of uploaded) {
      const row = rowOf(page, document.id);
      expect(await row.locator(".document-name").textContent()).toBe(document.filename);
      expect(await row.getByTestId("document-status").getAttribute("data-status")).toBe(document.status);
      const link = row.getByTestId("open-profile");
      if (document.status === "ready") {
        expect(await link.getAttribute("href")).toBe(`/profiles/${document.profileId}`);
      } else {
        expect(await link.count()).toBe(0);
      }
    }
    await checkLayouts(page, "documents");

    await rowOf(page, middle.id).getByTestId("delete-document").click();
    const dialog = page.getByTestId("confirm-delete-document");
    await dialog.waitFor();
    expect(await dialog.getByRole("heading").textContent()).toBe(`Delete “${middle.filename}”?`);
    await page.getByTestId("confirm-delete-document-confirm").click();
    await rowOf(page, middle.id).waitFor({ state: "detached" });
    await page
      .getByTestId("documents-announcement")
      .filter({ hasText: `“${middle.filename}” and its profile were deleted.` })
      .waitFor({ state: "attached" });

    // The server, not the page, says which documents remain.
    if (browser === undefined) throw new Error("The browser did not start.");
    const api = apiCalls(browser.context, baseUrl());
    const remaining = await api.listDocuments();
    expect(remaining.map((document) => document.id).sort()).toEqual([oldest.id, newest.id].sort());
    expect(await page.getByTestId("document-row").count()).toBe(2);

    // Deleted elsewhere while the dialog is open: the dialog says so in words, with the code and request id
    // folded behind "Details", and the list catches up.
    await rowOf(page, oldest.id).getByTestId("delete-document").click();
    await dialog.waitFor();
    expect(await dialog.getByRole("heading").textContent()).toBe(`Delete “${oldest.filename}”?`);
    await api.mutate("documents.delete", { documentId: oldest.id });
    await page.getByTestId("confirm-delete-document-confirm").click();
    const failure = dialog.getByRole("alert");
    await failure.waitFor();
    expect(await failure.textContent()).toContain("This document is no longer here");
    expect(await failure.getByText("NOT_FOUND").isVisible()).toBe(false);
    await failure.getByText("Details").click();
    await failure.getByText("NOT_FOUND").waitFor();
    await checkLayouts(page, "delete-refused");
    expect(await failure.locator("code").nth(1).textContent()).toMatch(/^[0-9a-f-]{36}$/);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await rowOf(page, oldest.id).waitFor({ state: "detached" });
    expect((await api.listDocuments()).map((document) => document.id)).toEqual([newest.id]);

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("shows uploads and deletes in the audit log by name, with the ids behind a details toggle", async () => {
    if (account === undefined) throw new Error("The account was not created.");
    const [, middle] = uploaded as [ApiDocument, ApiDocument, ApiDocument];
    const page = await openPage("/audit");
    const table = page.getByTestId("audit-table");
    await table.waitFor();

    const uploads = table
      .getByTestId("audit-entry")
      .filter({ has: page.locator('[data-action="documents.upload"]') });
    expect(await uploads.count()).toBe(3);
    for (const document of uploaded) {
      expect(await uploads.filter({ hasText: document.filename }).count()).toBe(1);
    }

    const deletion = table
      .getByTestId("audit-entry")
      .filter({ has: page.locator('[data-action="documents.delete"]') })
      .filter({ hasText: middle.filename });
    expect(await deletion.count()).toBe(1);
    expect(await deletion.getByTestId("audit-action").textContent()).toBe("Deleted a document");
    expect(await deletion.getByTestId("audit-target").textContent()).toBe(`Document “${middle.filename}”`);
    expect(await deletion.getByTestId("audit-actor").textContent()).toBe(account.name);
    // Ids stay out of the way until asked for.
    expect(await deletion.getByText(middle.id).isVisible()).toBe(false);
    await checkLayouts(page, "audit");
    await deletion.getByText("Details").click();
    await deletion.getByText(middle.id).waitFor();
    expect(await deletion.getByTestId("audit-details").textContent()).toContain(account.email);
    await checkLayouts(page, "audit-details-open");
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
