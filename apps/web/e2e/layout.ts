import type { Page } from "playwright-core";
import { expect } from "vitest";

// The widths every changed page is checked at: a small phone and a desktop.
const viewports = [
  { name: "390", width: 390, height: 844 },
  { name: "1440", width: 1440, height: 900 },
] as const;

// A phone's header is one row (brand, menus, menu button); more pushes the page below the fold.
const phoneHeaderMaxPx = 72;

/**
 * What sticks out sideways (the page itself, or content wider than the panel that holds it), and on a
 * phone a header taller than one row.
 */
async function overflows(page: Page, isPhone: boolean): Promise<string[]> {
  return page.evaluate(
    ({ isPhone, phoneHeaderMaxPx }) => {
      const found: string[] = [];
      const header = document.querySelector<HTMLElement>(".app-header");
      if (isPhone && header !== null && header.offsetHeight > phoneHeaderMaxPx) {
        found.push(`header ${header.offsetHeight} px tall`);
      }
      const root = document.documentElement;
      if (root.scrollWidth > root.clientWidth) found.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
      for (const panel of document.querySelectorAll<HTMLElement>(".panel")) {
        if (panel.scrollWidth > panel.clientWidth) {
          found.push(
            `panel "${panel.querySelector("h2")?.textContent ?? "?"}" ${panel.scrollWidth} > ${panel.clientWidth}`,
          );
        }
      }
      return found;
    },
    { isPhone, phoneHeaderMaxPx },
  );
}

/**
 * Checks both widths (nothing scrolls or sticks out sideways) and, when `E2E_LAYOUT_SCREENSHOT_DIR` is
 * set, saves a full-page screenshot of each as `<name>-<width>.png`.
 */
export async function checkLayouts(page: Page, name: string): Promise<void> {
  for (const viewport of viewports) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    // The screenshot comes first so a failing check leaves a picture of what stuck out.
    const directory = process.env.E2E_LAYOUT_SCREENSHOT_DIR;
    if (directory !== undefined) {
      await page.screenshot({ path: `${directory}/${name}-${viewport.name}.png`, fullPage: true });
    }
    expect(await overflows(page, viewport.width < 600), `${name} at ${viewport.width} px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1100, height: 900 });
}
