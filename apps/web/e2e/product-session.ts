import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { signUpWithWorkspace, type TestAccount } from "./accounts";
import { type BrowserSession, launchBrowser } from "./browser";
import { type RunningProduct, startProduct } from "./product-server";

/** How long a résumé upload may take to be ingested (parse, extract, embed) on a busy machine. */
export const ingestTimeoutMs = 90_000;

/** The résumé the specs upload: Marcus Lee, a data engineer (Python, SQL, Airflow, Snowflake, Kafka). */
export const resumeFixture = {
  filename: "marcus-lee.pdf",
  path: fileURLToPath(
    new URL("../../../packages/documents/fixtures/resumes/marcus-lee.pdfkit.pdf", import.meta.url),
  ),
} as const;

/** The embedded product and a Chromium session a spec file drives, plus what its pages reported. */
export interface ProductSession {
  baseUrl(): string;
  browser(): BrowserSession;
  /** Uncaught page errors and console errors of every page from `openPage`; a spec expects none. */
  pageErrors: string[];
  /** A new page reporting into `pageErrors`; console errors matching `ignoreConsole` are expected. */
  openPage(options?: { ignoreConsole?: RegExp }): Promise<Page>;
  /** Signs a new account up and in with a new active workspace, then opens a page as `openPage` does. */
  signUpAndOpenPage(options?: { ignoreConsole?: RegExp }): Promise<{ account: TestAccount; page: Page }>;
}

/**
 * Starts the product and a browser before the calling spec file's tests and stops both after them.
 * Call it at the top of a `describe`; the accessors throw if used before `beforeAll` ran.
 */
export function useProductSession(): ProductSession {
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

  const session: ProductSession = {
    baseUrl() {
      if (product === undefined) throw new Error("The product did not start.");
      return product.baseUrl;
    },
    browser() {
      if (browser === undefined) throw new Error("The browser did not start.");
      return browser;
    },
    pageErrors,
    async openPage(options = {}) {
      const page = await session.browser().context.newPage();
      page.on("pageerror", (error) => pageErrors.push(`page error: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error" && !options.ignoreConsole?.test(message.text())) {
          pageErrors.push(`console error: ${message.text()}`);
        }
      });
      return page;
    },
    async signUpAndOpenPage(options = {}) {
      const account = await signUpWithWorkspace(session.browser().context, session.baseUrl());
      return { account, page: await session.openPage(options) };
    },
  };
  return session;
}

/** Uploads the résumé fixture on the documents page and returns its row once it is `ready`. */
export async function uploadResume(page: Page, baseUrl: string): Promise<Locator> {
  await page.goto(`${baseUrl}/documents`);
  await page.getByTestId("file-input").setInputFiles({
    name: resumeFixture.filename,
    mimeType: "application/pdf",
    buffer: await readFile(resumeFixture.path),
  });
  const row = page.getByTestId("document-row").filter({ hasText: resumeFixture.filename });
  await row
    .locator('[data-testid="document-status"][data-status="ready"]')
    .waitFor({ timeout: ingestTimeoutMs });
  return row;
}
