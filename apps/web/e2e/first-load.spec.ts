import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signUpWithWorkspace } from "./accounts";
import { apiCalls } from "./api-calls";
import { resumeFixture, useProductSession } from "./product-session";

// A signed-out visit makes `auth.me` answer 401 on purpose; Chromium logs each such load.
const expectedConsoleError = /Failed to load resource: the server responded with a status of 401/;
const viewports = [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
] as const;

interface Shift {
  value: number;
  sources: string[];
}

declare global {
  interface Window {
    vitaeShifts?: Shift[];
  }
}

/**
 * Records every layout shift from the first paint on (what Lighthouse's cumulative layout shift adds up),
 * with the elements that moved, and sets sessionStorage before the app reads it.
 */
function recordShifts(storage: Record<string, string>) {
  for (const [key, value] of Object.entries(storage)) window.sessionStorage.setItem(key, value);
  window.vitaeShifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<
      PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: Array<{ node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }>;
      }
    >) {
      if (entry.hadRecentInput) continue;
      const sources = (entry.sources ?? []).map((source) => {
        const node = source.node;
        const name =
          node instanceof Element ? `${node.tagName.toLowerCase()}.${node.className}` : String(node);
        return `${name} from y ${Math.round(source.previousRect.y)} to ${Math.round(source.currentRect.y)}`;
      });
      window.vitaeShifts?.push({ value: entry.value, sources });
    }
  }).observe({ type: "layout-shift", buffered: true });
}

/**
 * Slows the page's CPU 4×, as Lighthouse's mobile audit does: a shift that needs a slow frame (a render and
 * a scroll landing in one frame) shows up every time rather than on a loaded CI machine only.
 */
async function slowDownCpu(page: Page): Promise<void> {
  const devtools = await page.context().newCDPSession(page);
  await devtools.send("Emulation.setCPUThrottlingRate", { rate: 4 });
}

async function expectNoShift(page: Page, width: number) {
  // Two frames, so a shift caused by the last render is reported.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  const shifts = await page.evaluate(() => window.vitaeShifts ?? []);
  const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
  expect(total, `${width} px: ${JSON.stringify(shifts)}`).toBeLessThan(0.01);
}

/**
 * What a first visit costs the browser: the signed-out home does not fetch the validation library, and
 * Ask restores a conversation, and a profile appears, without moving what is already on screen
 * (Lighthouse's layout shift).
 */
describe("first loads (embedded product in Chromium)", () => {
  const session = useProductSession();
  const { baseUrl, pageErrors } = session;
  let profileId = "";

  const newPage = () => session.openPage({ ignoreConsole: expectedConsoleError });

  it("shows the signed-out home without loading the validation library", async () => {
    const page = await newPage();
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${baseUrl()}/`);
    await page.getByTestId("signed-out-home").waitFor();
    await page.waitForLoadState("networkidle");
    expect(scripts.some((path) => path.includes("/assets/index-"))).toBe(true);
    expect(scripts.filter((path) => path.includes("vendor-zod"))).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("restores a conversation on Ask without shifting the page, at 390 and 1440 px", async () => {
    const { context } = session.browser();
    await signUpWithWorkspace(context, baseUrl());
    const api = apiCalls(context, baseUrl());
    const document = await api.waitUntilSettled(
      await api.upload({
        name: resumeFixture.filename,
        contentType: "application/pdf",
        bytes: await readFile(resumeFixture.path),
      }),
    );
    profileId = document.profileId ?? "";
    expect(profileId).not.toBe("");
    const first = await api.mutate<{ sessionId: string }>("chat.ask", {
      profileId,
      question: "Where does he work now?",
    });
    await api.mutate("chat.ask", {
      profileId,
      question: "What databases does he know?",
      sessionId: first.sessionId,
    });

    for (const viewport of viewports) {
      const page = await newPage();
      await page.setViewportSize(viewport);
      await slowDownCpu(page);
      await page.addInitScript(recordShifts, { [`vitae:ask-session:${profileId}`]: first.sessionId });
      await page.goto(`${baseUrl()}/profiles/${profileId}/ask`);
      await page.locator('[data-testid="turn"][data-status="done"]').nth(1).waitFor();
      await page.waitForLoadState("networkidle");
      await expectNoShift(page, viewport.width);
      await page.close();
    }
    expect(pageErrors).toEqual([]);
  });

  it("shows a profile without shifting the page or loading the review, at 390 and 1440 px", async () => {
    expect(profileId, "the Ask test uploads the résumé").not.toBe("");
    for (const viewport of viewports) {
      const page = await newPage();
      const scripts: string[] = [];
      page.on("request", (request) => {
        if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
      });
      await page.setViewportSize(viewport);
      await slowDownCpu(page);
      await page.addInitScript(recordShifts, {});
      await page.goto(`${baseUrl()}/profiles/${profileId}`);
      await page.getByTestId("profile-page").getByRole("heading", { level: 1 }).waitFor();
      await page.waitForLoadState("networkidle");
      await expectNoShift(page, viewport.width);
      expect(scripts.filter((path) => path.includes("review-view"))).toEqual([]);
      await page.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
