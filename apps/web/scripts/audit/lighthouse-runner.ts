import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import lighthouse, { type Flags } from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import puppeteer from "puppeteer-core";
import { categories, type LighthouseRow, lighthouseRow } from "./lighthouse-figures";

export interface LighthouseRunnerOptions {
  /** The Chromium to drive, by its remote debugging port: its tabs share the signed-in cookie jar. */
  debuggingPort: number;
  baseUrl: string;
  /** Page names to measure; all when undefined (`AUDIT_PAGES`). */
  only?: readonly string[];
  /** Where to keep Lighthouse's full report of each run (`AUDIT_LHR_DIRECTORY`). */
  lhrDirectory?: string;
}

/**
 * Measures pages with Lighthouse, mobile then desktop, in an already running Chromium, collecting one
 * row per run in `rows`. `measure` fails only when Lighthouse returns nothing.
 */
export async function connectLighthouse(options: LighthouseRunnerOptions) {
  const remote = await puppeteer.connect({ browserURL: `http://127.0.0.1:${options.debuggingPort}` });
  const rows: LighthouseRow[] = [];

  // Lighthouse sometimes loses the trace on a loaded machine (NO_NAVSTART): a run that could not
  // measure is repeated rather than reported as a score of 0.
  async function runLighthouse(url: string, mode: LighthouseRow["mode"], storage?: Record<string, string>) {
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

  /** Measures the page at `path` as `name`, with `sessionStorage` set before its scripts run. */
  async function measure(name: string, path: string, sessionStorage?: Record<string, string>) {
    if (options.only !== undefined && !options.only.includes(name)) return;
    for (const mode of ["mobile", "desktop"] as const) {
      const result = await runLighthouse(`${options.baseUrl}${path}`, mode, sessionStorage);
      if (result === undefined) throw new Error(`Lighthouse returned nothing for ${name} (${mode}).`);
      if (options.lhrDirectory !== undefined) {
        const file = `${name.toLowerCase().replaceAll(/[^a-z]+/g, "-")}-${mode}.json`;
        await writeFile(join(options.lhrDirectory, file), JSON.stringify(result.lhr));
      }
      const row = lighthouseRow(name, mode, result);
      rows.push(row);
      process.stdout.write(`lighthouse ${name} ${mode}: ${JSON.stringify(row.scores)}\n`);
    }
  }

  return { rows, measure, disconnect: () => remote.disconnect() };
}
