import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHtml, resumeHtmlCsp } from "../src/html/render-html";
import { cleanLine, toResumeModel } from "../src/model";
import { resumeTemplates } from "../src/templates";
import { allowedProtocols, hostileProfile, xssPayloads } from "../src/testing/xss-corpus";
import { launchBrowser } from "./browser";

const origin = "http://resume.test";
let session: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let served = { html: "", csp: null as string | null };
const dialogs: string[] = [];
const consoleMessages: string[] = [];

beforeAll(async () => {
  session = await launchBrowser();
  page = await session.context.newPage();
  // No network: every request to the test origin is answered from memory, anything else is refused.
  await page.route("**/*", (route) =>
    route.request().url() === `${origin}/`
      ? route.fulfill({
          status: 200,
          contentType: "text/html; charset=utf-8",
          body: served.html,
          headers: served.csp === null ? {} : { "content-security-policy": served.csp },
        })
      : route.abort(),
  );
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => consoleMessages.push(message.text()));
});

afterAll(async () => {
  await session?.close();
});

interface Observed {
  xss: unknown;
  riskyElements: number;
  handlerAttributes: number;
  hrefs: string[];
  name: string;
}

async function load(html: string, csp: string | null): Promise<Observed> {
  served = { html, csp };
  dialogs.length = 0;
  consoleMessages.length = 0;
  await page.goto(`${origin}/`, { waitUntil: "load" });
  // Let error/load handlers and timers of injected markup (if any) run before looking.
  await page.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 20))),
      ),
  );
  return page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    riskyElements: document.querySelectorAll(
      "script,iframe,object,embed,img,svg,math,form,base,input,video,details,noscript,link,body[onload]",
    ).length,
    handlerAttributes: [...document.querySelectorAll("*")].filter((element) =>
      element.getAttributeNames().some((name) => name.toLowerCase().startsWith("on")),
    ).length,
    hrefs: [...document.querySelectorAll("a")].map((anchor) => anchor.href),
    name: document.querySelector("h1")?.textContent ?? "",
  }));
}

const withoutMetaCsp = (html: string) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "");

describe("rendered HTML in Chromium", () => {
  it("the harness sees a payload run when markup is not escaped", async () => {
    const observed = await load(`<!doctype html><p>${xssPayloads[3]}</p><p>${xssPayloads[4]}</p>`, null);
    await page.waitForFunction(() => (window as unknown as { __xss?: unknown }).__xss === 1);
    expect(observed.riskyElements).toBeGreaterThan(0);
    await expect.poll(() => dialogs.length).toBeGreaterThan(0);
  });

  for (const template of resumeTemplates) {
    for (const [index, payload] of xssPayloads.entries()) {
      it(`${template} #${index}: no script runs, the payload reads as text, only safe links`, async () => {
        const html = renderHtml(toResumeModel(hostileProfile(payload)), template);
        // Served as the API serves it (CSP header + meta), then with no CSP at all: escaping alone must hold.
        for (const [document, csp] of [
          [html, resumeHtmlCsp],
          [withoutMetaCsp(html), null],
        ] as const) {
          const observed = await load(document, csp);
          expect(observed.xss).toBeUndefined();
          expect(dialogs).toEqual([]);
          expect(observed.riskyElements).toBe(0);
          expect(observed.handlerAttributes).toBe(0);
          expect(observed.name).toBe(cleanLine(payload) ?? "Résumé");
          for (const href of observed.hrefs) expect(allowedProtocols.has(new URL(href).protocol)).toBe(true);
          expect(consoleMessages.filter((text) => /Content Security Policy|Refused/i.test(text))).toEqual([]);
        }
      });
    }
  }
});
