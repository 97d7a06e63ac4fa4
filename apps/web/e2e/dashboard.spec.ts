import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiCalls } from "./api-calls";
import { checkLayouts } from "./layout";
import { useProductSession } from "./product-session";

const resume = [
  "Amara Nwosu",
  "Platform Engineer",
  "amara.nwosu@example.com | Accra, Ghana",
  "",
  "Experience",
  "Platform Engineer, Harmattan Cloud",
  "Jan 2021 - Present",
  "- Ran Kubernetes clusters and PostgreSQL for forty services.",
  "",
  "Skills",
  "Go, Kubernetes, PostgreSQL, Terraform",
  "",
].join("\n");

/** axe-core's violations on the page as it is now, at a phone's and a desktop's width. */
async function axeAtBothWidths(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(viewport);
    const { violations } = await new AxeBuilder({ page }).analyze();
    for (const violation of violations) {
      found.push(
        `${viewport.width}px ${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
      );
    }
  }
  return found;
}

/** The home once its figures and chart drawings have arrived. */
async function dashboardLoaded(page: Page): Promise<void> {
  await page.locator('[data-testid="dashboard"][data-loaded="true"]').waitFor();
  await page.getByTestId("chart-visits").locator("svg").waitFor();
}

async function bodyBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

const lightBackground = "rgb(246, 247, 249)";
const darkBackground = "rgb(15, 20, 26)";

/**
 * The signed-in home shows the workspace's figures as numbers and charts, the Usage page its months,
 * and the whole app follows the device's dark setting unless the account menu's Appearance says
 * otherwise — remembered across reloads, free of axe violations and sideways scrolling in both themes.
 */
describe("dashboard, usage charts and dark mode (embedded product in Chromium)", () => {
  const session = useProductSession();
  const screenshots = process.env.E2E_LAYOUT_SCREENSHOT_DIR;

  it("shows documents, questions and share-link visits as figures and charts", async () => {
    const { page } = await session.signUpAndOpenPage();
    const base = session.baseUrl();
    await page.goto(`${base}/`);
    await dashboardLoaded(page);
    expect(await page.getByTestId("documents-total").textContent()).toBe("0");
    expect(await page.getByTestId("questions-total").textContent()).toBe("0");

    // One résumé, a share link, and a visitor asking a question through it.
    const api = apiCalls(session.browser().context, base);
    const document = await api.waitUntilSettled(
      await api.upload({ name: "amara-nwosu.txt", contentType: "text/plain", bytes: Buffer.from(resume) }),
    );
    expect(document.status).toBe("ready");
    const link = await api.mutate<{ url: string }>("shareLinks.create", { profileId: document.profileId });
    const token = new URL(link.url).pathname.split("/").at(-1);
    await api.mutate("public.ask", { token, question: "Where does she work?" });

    await page.reload();
    await dashboardLoaded(page);
    expect(await page.getByTestId("documents-total").textContent()).toBe("1");
    expect(await page.getByTestId("documents-ready").textContent()).toBe("Ready: 1");
    expect(await page.getByTestId("questions-total").textContent()).toBe("1");
    expect(await page.getByTestId("visits-total").textContent()).toBe("1");
    // Seven days, one bar each; the figures behind the drawing are a table anyone can open.
    expect(await page.getByTestId("chart-questions").locator("svg rect").count()).toBe(7);
    await page.getByTestId("chart-visits").getByText("Show the figures").click();
    const lastRow = page.getByTestId("chart-visits").locator("tbody tr").last();
    expect(await lastRow.locator("td").textContent()).toBe("1");

    await checkLayouts(page, "dashboard");
    expect(await axeAtBothWidths(page)).toEqual([]);

    // The share link's own insights chart: 30 days, visits and questions side by side.
    await page.goto(`${base}/profiles/${document.profileId}`);
    await page
      .getByTestId("share-link-row")
      .getByRole("button", { name: /^Questions/ })
      .click();
    const activity = page.getByTestId("share-link-activity");
    await activity.locator("svg").waitFor();
    expect(await activity.locator("svg rect").count()).toBe(60);
    await checkLayouts(page, "share-link-insights");
    expect(session.pageErrors).toEqual([]);
    await page.close();
  });

  it("charts usage over six months on the Usage page", async () => {
    const page = await session.openPage();
    await page.goto(`${session.baseUrl()}/usage`);
    const history = page.getByTestId("usage-history");
    await history.waitFor();
    for (const chart of ["chart-requests", "chart-llm-tokens", "chart-storage"]) {
      await history.getByTestId(chart).locator("svg").waitFor();
      expect(await history.getByTestId(chart).locator("svg rect").count()).toBe(6);
    }
    await checkLayouts(page, "usage");
    expect(await axeAtBothWidths(page)).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    await page.close();
  });

  it("follows the device's dark setting unless Appearance says otherwise, and remembers the choice", async () => {
    const page = await session.openPage();
    const base = session.baseUrl();
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`${base}/`);
    await dashboardLoaded(page);
    expect(await bodyBackground(page)).toBe(darkBackground);
    if (screenshots !== undefined) await checkLayouts(page, "dashboard-dark");
    expect(await axeAtBothWidths(page)).toEqual([]);

    await page.goto(`${base}/usage`);
    await page.getByTestId("chart-storage").locator("svg").waitFor();
    if (screenshots !== undefined) await checkLayouts(page, "usage-dark");
    expect(await axeAtBothWidths(page)).toEqual([]);

    // The person picks Light on a dark device: it applies at once and survives a reload.
    await page.getByTestId("user-menu-toggle").click();
    await page.getByTestId("theme-light").check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    expect(await bodyBackground(page)).toBe(lightBackground);
    await page.reload();
    await page.getByTestId("usage-history").waitFor();
    expect(await bodyBackground(page)).toBe(lightBackground);

    // Dark on a light device, then back to following the device.
    await page.emulateMedia({ colorScheme: "light" });
    await page.getByTestId("user-menu-toggle").click();
    await page.getByTestId("theme-dark").check();
    expect(await bodyBackground(page)).toBe(darkBackground);
    await page.getByTestId("theme-system").check();
    expect(await page.evaluate(() => document.documentElement.hasAttribute("data-theme"))).toBe(false);
    expect(await bodyBackground(page)).toBe(lightBackground);
    await page.reload();
    await page.getByTestId("usage-history").waitFor();
    expect(await bodyBackground(page)).toBe(lightBackground);
    expect(session.pageErrors).toEqual([]);
    await page.close();
  });
});
