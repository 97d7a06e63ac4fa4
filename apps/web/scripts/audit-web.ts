/**
 * `pnpm audit:web` — measures the built web app as users get it, and prints the figures:
 * Lighthouse (performance, accessibility, best practices; mobile and desktop) on the signed-out home,
 * the signed-in home (dashboard), Documents, a Profile, Ask with answers and Usage, the JavaScript each transfers on a cold load, and
 * axe-core's violations on every page. It starts the real product in embedded mode (as the browser specs
 * do), signs a fresh account up, and removes everything afterwards. Not a test: it fails only when it
 * cannot measure. `AUDIT_REPORT_PATH` (optional) saves every figure as JSON.
 */
import { readFile, writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import lighthouse, { type Flags, type RunnerResult } from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import type { Page as PlaywrightPage } from "playwright-core";
import puppeteer from "puppeteer-core";
import { signUpWithWorkspace } from "../e2e/accounts";
import { apiCalls } from "../e2e/api-calls";
import { launchBrowser } from "../e2e/browser";
import { freePort, startProduct } from "../e2e/product-server";

const goals = { performance: 90, accessibility: 100, "best-practices": 95, firstLoadJsKb: 200 };
const categories = ["performance", "accessibility", "best-practices"] as const;
const resumePath = new URL(
  "../../../packages/documents/fixtures/resumes/marcus-lee.pdfkit.pdf",
  import.meta.url,
);

interface LighthouseRow {
  page: string;
  mode: "mobile" | "desktop";
  scores: Record<(typeof categories)[number], number>;
  /** Compressed bytes of JavaScript transferred on the cold load, in KB. */
  jsKb: number;
  /** The raw metrics behind the performance score, which is sensitive to CPU load. */
  metrics: Metrics;
  failing: string[];
}

interface Metrics {
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Speed Index: how soon the visible page looks complete. */
  siMs: number;
  /** The largest contentful paint's element, as Lighthouse describes it. */
  lcpElement: string | null;
  /** The elements that moved most, with their share of the layout shift. */
  shifts: string[];
}

interface AxeRow {
  page: string;
  violations: Array<{ id: string; impact: string | null; nodes: number; help: string }>;
}

function scoreOf(result: RunnerResult, category: (typeof categories)[number]): number {
  return Math.round((result.lhr.categories[category]?.score ?? 0) * 100);
}

function scriptKb(result: RunnerResult): number {
  const details = result.lhr.audits["network-requests"]?.details as
    | { items?: Array<{ resourceType?: string; transferSize?: number }> }
    | undefined;
  const bytes = (details?.items ?? [])
    .filter((item) => item.resourceType === "Script")
    .reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
  return Math.round(bytes / 102.4) / 10;
}

function numericOf(result: RunnerResult, id: string): number {
  return result.lhr.audits[id]?.numericValue ?? Number.NaN;
}

interface NodeItem {
  node?: { snippet?: string; selector?: string };
  score?: number;
}

function metricsOf(result: RunnerResult): Metrics {
  // Lighthouse 13 names the element in its LCP breakdown insight, beside the table of its subparts.
  const lcpNode = (
    result.lhr.audits["lcp-breakdown-insight"]?.details as
      | { items?: Array<{ type?: string } & NodeItem["node"]> }
      | undefined
  )?.items?.find((item) => item.type === "node");
  const shiftItems =
    (result.lhr.audits["layout-shifts"]?.details as { items?: NodeItem[] } | undefined)?.items ?? [];
  const describe = (item: NodeItem) => item.node?.selector ?? item.node?.snippet ?? "?";
  return {
    fcpMs: Math.round(numericOf(result, "first-contentful-paint")),
    lcpMs: Math.round(numericOf(result, "largest-contentful-paint")),
    tbtMs: Math.round(numericOf(result, "total-blocking-time")),
    cls: Math.round(numericOf(result, "cumulative-layout-shift") * 1000) / 1000,
    siMs: Math.round(numericOf(result, "speed-index")),
    lcpElement: lcpNode === undefined ? null : describe({ node: lcpNode }),
    shifts: shiftItems.slice(0, 3).map((item) => `${describe(item)} (${(item.score ?? 0).toFixed(3)})`),
  };
}

/** Audits that cost points in a category, by title, so the printout says what to fix. */
function failingAudits(result: RunnerResult): string[] {
  const failing: string[] = [];
  for (const category of categories) {
    for (const ref of result.lhr.categories[category]?.auditRefs ?? []) {
      const audit = result.lhr.audits[ref.id];
      if (ref.weight > 0 && audit !== undefined && audit.score !== null && audit.score < 0.9) {
        failing.push(`${category}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
      }
    }
  }
  return failing;
}

/** `AUDIT_PAGES` (optional, comma-separated page names) measures only those pages with Lighthouse. */
const only = process.env.AUDIT_PAGES?.split(",").map((name) => name.trim());
/** `AUDIT_LHR_DIRECTORY` (optional) keeps Lighthouse's full report of each run there, for diagnosis. */
const lhrDirectory = process.env.AUDIT_LHR_DIRECTORY;

async function main() {
  const product = await startProduct();
  const debuggingPort = await freePort();
  const browser = await launchBrowser({ extraArgs: [`--remote-debugging-port=${debuggingPort}`] });
  const lighthouseRows: LighthouseRow[] = [];
  const axeRows: AxeRow[] = [];
  try {
    const base = product.baseUrl;
    // Lighthouse drives the same Chromium over CDP: its tabs share the signed-in cookie jar.
    const remote = await puppeteer.connect({ browserURL: `http://127.0.0.1:${debuggingPort}` });

    // Lighthouse sometimes loses the trace on a loaded machine (NO_NAVSTART): a run that could not
    // measure is repeated rather than reported as a score of 0.
    async function runLighthouse(url: string, mode: "mobile" | "desktop", storage?: Record<string, string>) {
      for (let attempt = 1; ; attempt += 1) {
        const page = await remote.newPage();
        if (storage !== undefined) {
          await page.evaluateOnNewDocument((entries: Record<string, string>) => {
            for (const [key, value] of Object.entries(entries)) window.sessionStorage.setItem(key, value);
          }, storage);
        }
        const flags: Flags = { logLevel: "error", output: "json", onlyCategories: [...categories] };
        const result = await lighthouse(url, flags, mode === "desktop" ? desktopConfig : undefined, page);
        await page.close();
        if (result?.lhr.runtimeError === undefined || attempt === 3) return result;
        process.stdout.write(`lighthouse ${url} ${mode}: ${result.lhr.runtimeError.code}, measuring again\n`);
      }
    }

    async function measure(name: string, path: string, sessionStorage?: Record<string, string>) {
      if (only !== undefined && !only.includes(name)) return;
      for (const mode of ["mobile", "desktop"] as const) {
        const result = await runLighthouse(`${base}${path}`, mode, sessionStorage);
        if (result === undefined) throw new Error(`Lighthouse returned nothing for ${name} (${mode}).`);
        if (lhrDirectory !== undefined) {
          const file = `${name.toLowerCase().replaceAll(/[^a-z]+/g, "-")}-${mode}.json`;
          await writeFile(join(lhrDirectory, file), JSON.stringify(result.lhr));
        }
        const scores = Object.fromEntries(
          categories.map((category) => [category, scoreOf(result, category)]),
        );
        lighthouseRows.push({
          page: name,
          mode,
          scores: scores as LighthouseRow["scores"],
          jsKb: scriptKb(result),
          metrics: metricsOf(result),
          failing: failingAudits(result),
        });
        process.stdout.write(`lighthouse ${name} ${mode}: ${JSON.stringify(scores)}\n`);
      }
    }

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
    await remote.disconnect();
  } finally {
    await browser.close();
    await product.stop();
  }

  print(lighthouseRows, axeRows);
  const reportPath = process.env.AUDIT_REPORT_PATH;
  if (reportPath !== undefined) {
    await writeFile(reportPath, JSON.stringify({ goals, lighthouse: lighthouseRows, axe: axeRows }, null, 2));
  }
}

function print(lighthouseRows: LighthouseRow[], axeRows: AxeRow[]) {
  const mark = (ok: boolean) => (ok ? " " : "!");
  const lines = [
    "",
    `Lighthouse (goals: performance ≥ ${goals.performance}, accessibility ${goals.accessibility}, best practices ≥ ${goals["best-practices"]}, JS ≤ ${goals.firstLoadJsKb} KB compressed)`,
    "page                 mode     perf  a11y  best   JS KB",
  ];
  for (const row of lighthouseRows) {
    const { performance, accessibility } = row.scores;
    const best = row.scores["best-practices"];
    lines.push(
      `${row.page.padEnd(20)} ${row.mode.padEnd(8)} ${String(performance).padStart(3)}${mark(performance >= goals.performance)}  ${String(accessibility).padStart(3)}${mark(accessibility >= goals.accessibility)}  ${String(best).padStart(3)}${mark(best >= goals["best-practices"])}  ${row.jsKb.toFixed(1).padStart(6)}${mark(row.jsKb <= goals.firstLoadJsKb)}`,
    );
    const { fcpMs, lcpMs, tbtMs, cls, siMs, lcpElement, shifts } = row.metrics;
    lines.push(
      `    FCP ${fcpMs} ms, LCP ${lcpMs} ms, TBT ${tbtMs} ms, CLS ${cls}, SI ${siMs} ms; LCP element: ${lcpElement ?? "none"}`,
    );
    if (shifts.length > 0) lines.push(`    shifted: ${shifts.join(", ")}`);
    for (const failing of row.failing) lines.push(`    - ${failing}`);
  }
  lines.push("", "axe-core (goal: no violations)");
  for (const row of axeRows) {
    if (row.violations.length === 0) {
      lines.push(`${row.page.padEnd(28)} no violations`);
      continue;
    }
    for (const violation of row.violations) {
      lines.push(
        `${row.page.padEnd(28)} ${violation.impact ?? "?"} ${violation.id} ×${violation.nodes}: ${violation.help}`,
      );
    }
  }
  lines.push(
    `load average: ${loadavg()
      .map((load) => load.toFixed(2))
      .join(" ")}`,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
}

await main();
