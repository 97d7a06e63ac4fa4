// Writes the evaluation corpus (issue 10): synthetic résumés built from labels, in eight layouts, five
// languages and five renderings (pdfkit, pdf-lib, Chromium print, docx, text). The labels are the
// ground truth and are written before any parse; the dev/test split is drawn by a fixed seed, and the
// test split's résumés come from their own held-out pools and wordings (lib/held-out-pools.ts).
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { renderChromium, renderDocx, renderPdfkit, renderPdfLib, renderTxt } from "./lib/engines";
import { buildCorpus, corpusFileName } from "./lib/labels";
import { layoutOf } from "./lib/layouts";
import { corpusSeed, heldOutSeed, splitSeed, varietySeed } from "./seeds";

const here = dirname(fileURLToPath(import.meta.url));
const { labels, split } = buildCorpus(corpusSeed, heldOutSeed, splitSeed, varietySeed);
const filesDir = join(here, "files");
await rm(filesDir, { recursive: true, force: true });
await mkdir(filesDir, { recursive: true });
await writeFile(join(here, "labels.json"), `${JSON.stringify(labels, null, 1)}\n`);
await writeFile(join(here, "split.json"), `${JSON.stringify(split, null, 1)}\n`);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
try {
  for (const label of labels) {
    const document = layoutOf(label);
    const bytes =
      label.engine === "pdfkit"
        ? await renderPdfkit(document)
        : label.engine === "pdf-lib"
          ? await renderPdfLib(document)
          : label.engine === "chromium"
            ? await renderChromium(browser, document)
            : label.engine === "docx"
              ? await renderDocx(document)
              : renderTxt(document);
    await writeFile(join(filesDir, corpusFileName(label.id, label.engine)), bytes);
  }
} finally {
  await browser.close();
}
process.stdout.write(`wrote ${labels.length} résumés to ${filesDir}\n`);
