/**
 * `pnpm audit:web` — measures the built web app as users get it, and prints the figures:
 * Lighthouse (performance, accessibility, best practices; mobile and desktop) on the signed-out home,
 * the signed-in home (dashboard), Documents, a Profile, Ask with answers and Usage, the JavaScript each
 * transfers on a cold load, and axe-core's violations on every page. It starts the real product in embedded mode (as the browser specs
 * do), signs a fresh account up, and removes everything afterwards. Not a test: it fails only when it
 * cannot measure. `AUDIT_REPORT_PATH` (optional) saves every figure as JSON.
 *
 * This file sets the pages up and says what to measure; `audit/lighthouse-runner.ts` runs Lighthouse,
 * `audit/lighthouse-figures.ts` reads its figures and `audit/report.ts` prints them against the goals.
 */
import { readFile } from "node:fs/promises";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page as PlaywrightPage } from "playwright-core";
import { signUpWithWorkspace } from "../e2e/accounts";
import { apiCalls } from "../e2e/api-calls";
import { launchBrowser } from "../e2e/browser";
import { freePort, startProduct } from "../e2e/product-server";
import type { LighthouseRow } from "./audit/lighthouse-figures";
import { connectLighthouse } from "./audit/lighthouse-runner";
import { type AxeRow, report } from "./audit/report";

const resumePath = new URL(
  "../../../packages/documents/fixtures/resumes/marcus-lee.pdfkit.pdf",
  import.meta.url,
);

/** `AUDIT_PAGES` (optional, comma-separated page names) measures only those pages with Lighthouse. */
const only = process.env.AUDIT_PAGES?.split(",").map((name) => name.trim());
/** `AUDIT_LHR_DIRECTORY` (optional) keeps Lighthouse's full report of each run there, for diagnosis. */
const lhrDirectory = process.env.AUDIT_LHR_DIRECTORY;

async function main() {
  const product = await startProduct();
  const debuggingPort = await freePort();
  const browser = await launchBrowser({ extraArgs: [`--remote-debugging-port=${debuggingPort}`] });
  const axeRows: AxeRow[] = [];
  const lighthouseRows: LighthouseRow[] = [];
  try {
    const base = product.baseUrl;
    // Lighthouse drives the same Chromium over CDP: its tabs share the signed-in cookie jar.
    const lighthouse = await connectLighthouse({ debuggingPort, baseUrl: base, only, lhrDirectory });
    const { measure } = lighthouse;

    async function axe(name: string, path: string, prepare?: (page: PlaywrightPage) => Promise<void>) {
      const page = await browser.context.newPage();
      await page.goto(`${base}${path}`);
      await page.waitForLoadState("networkidle");
      await prepare?.(page);
      for (const width of [390, 1440]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        const { violations } = await new AxeBuilder({ page }).analyze();
        axeRows.push({
          page: `${name} @${width}`,
          violations: violations.map((violation) => ({
            id: violation.id,
            impact: violation.impact ?? null,
            nodes: violation.nodes.length,
            help: violation.help,
          })),
        });
      }
      await page.close();
    }

    // Signed out first: the same browser has no session yet.
    await axe("Signed-out home", "/", (page) => page.getByTestId("signed-out-home").waitFor());
    await axe("Sign in", "/sign-in");
    await axe("Sign up", "/sign-up");
    await measure("Signed-out home", "/");

    await signUpWithWorkspace(browser.context, base);
    const api = apiCalls(browser.context, base);
    const document = await api.waitUntilSettled(
      await api.upload({
        name: "marcus-lee.pdf",
        contentType: "application/pdf",
        bytes: await readFile(resumePath),
      }),
    );
    if (document.profileId === null)
      throw new Error(`The résumé did not become a profile (${document.status}).`);
    const profileId = document.profileId;
    const first = await api.mutate<{ sessionId: string }>("chat.ask", {
      profileId,
      question: "Where does he work now?",
    });
    await api.mutate("chat.ask", {
      profileId,
      question: "What databases does he know?",
      sessionId: first.sessionId,
    });
    const share = await api.mutate<{ url: string }>("shareLinks.create", { profileId, label: "Audit" });
    await api.mutate("apiKeys.create", { name: "Audit key", scopes: ["documents:read"] });
    await api.mutate("members.invite", { email: "invitee@example.com", role: "viewer" });
    const askSession = { [`vitae:ask-session:${profileId}`]: first.sessionId };

    await axe("Home", "/", (page) => page.getByTestId("dashboard").waitFor());
    // The dark theme's contrast, where the charts and tiles are.
    for (const [name, path, ready] of [
      ["Home (dark)", "/", "dashboard"],
      ["Usage (dark)", "/usage", "usage-history"],
      ["Documents (dark)", "/documents", "documents-table"],
    ] as const) {
      await axe(name, path, async (page) => {
        await page.emulateMedia({ colorScheme: "dark" });
        await page.getByTestId(ready).waitFor();
      });
    }
    await axe("Documents", "/documents", (page) => page.getByTestId("documents-table").waitFor());
    await axe("Profile", `/profiles/${profileId}`, (page) => page.getByTestId("profile-page").waitFor());
    await axe("Ask with answers", `/profiles/${profileId}/ask`, async (page) => {
      await page.evaluate((entries) => {
        for (const [key, value] of Object.entries(entries)) window.sessionStorage.setItem(key, value);
      }, askSession);
      await page.reload();
      await page.locator('[data-testid="turn"][data-status="done"]').nth(1).waitFor();
    });
    await axe("Members", "/members", (page) => page.getByTestId("members-table").waitFor());
    await axe("API keys", "/api-keys", (page) => page.getByTestId("api-keys-table").waitFor());
    await axe("Audit log", "/audit", (page) => page.getByTestId("audit-table").waitFor());
    await axe("Usage", "/usage", (page) => page.getByTestId("usage-page").waitFor());
    await axe("Status", "/status", (page) => page.getByTestId("status-components").waitFor());
    await axe("Postings", "/postings", (page) => page.getByTestId("postings-page").waitFor());
    await axe("New workspace", "/workspaces/new", (page) =>
      page.getByTestId("create-workspace-page").waitFor(),
    );
    await axe("Outbox", "/outbox");
    await axe("Shared profile", new URL(share.url, base).pathname, (page) =>
      page.getByTestId("chat").waitFor(),
    );

    await measure("Home", "/");
    await measure("Documents", "/documents");
    await measure("Profile", `/profiles/${profileId}`);
    await measure("Ask with answers", `/profiles/${profileId}/ask`, askSession);
    await measure("Usage", "/usage");
    await lighthouse.disconnect();
    lighthouseRows.push(...lighthouse.rows);
  } finally {
    await browser.close();
    await product.stop();
  }

  await report(lighthouseRows, axeRows, process.env.AUDIT_REPORT_PATH);
}

await main();
