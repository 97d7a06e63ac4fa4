import { spawnSync } from "node:child_process";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { resumeFormats } from "../fixtures/generate";
import { hostileFixtures } from "../fixtures/lib/hostile";
import { renderPdfkit } from "../fixtures/lib/render-pdf";
import { anaSouza, resumeSources } from "../fixtures/lib/resume-sources";
import { contentTypesXml, writeZip } from "../fixtures/lib/zip-writer";
import { type DocumentError, extractText } from "../src/index";
import { childProcessIds, extractionLimits, packageDir, readFixture } from "./support/fixtures";
import { manyTextItemsPdf } from "./support/raw-pdf";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => {
      throw new Error("expected a DocumentError");
    },
    (caught: unknown) => caught as DocumentError,
  );
  return error.code;
}

afterEach(() => {
  // Whatever happened in the test, no extraction child may outlive extractText.
  expect(childProcessIds()).toEqual([]);
});

describe("extractText: the résumé corpus", () => {
  const binaryCases = resumeSources.flatMap((source) => [
    [resumeFormats.pdfkit(source.id), "pdf", source.expected.name] as const,
    [resumeFormats.pdfLib(source.id), "pdf", source.expected.name] as const,
    [resumeFormats.docx(source.id), "docx", source.expected.name] as const,
  ]);

  it.each(binaryCases)("%s yields its text in a child process", async (file, kind, name) => {
    const result = await extractText(readFixture("resumes", file), kind, extractionLimits);
    expect(result.text.toLowerCase()).toContain(name.toLowerCase());
    expect(result.text.includes("\r") || result.text.includes("\u0000")).toBe(false);
    expect(result.peakRssBytes).toBeGreaterThan(10 * 1024 * 1024);
    if (kind === "pdf") expect(result.pages).toBe(1);
    else expect(result.pages).toBeUndefined();
  });

  it("keeps DOCX list items as bullet lines", async () => {
    const { text } = await extractText(readFixture("resumes", "ana-souza.docx"), "docx", extractionLimits);
    expect(text).toContain("• Built PHP and JavaScript features for e-commerce storefronts.");
  });

  it("decodes TXT and MD in-process (no child, no RSS figure)", async () => {
    const result = await extractText(readFixture("resumes", "marcus-lee.md"), "md", extractionLimits);
    expect(result.text).toContain("## Work History");
    expect(result.peakRssBytes).toBeUndefined();
  });
});

describe("extractText: refusals", () => {
  it.each(hostileFixtures.filter((fixture) => fixture.stage === "extract"))(
    "$file → $code",
    async ({ file, code }) => {
      const kind = file.endsWith(".docx") ? "docx" : "pdf";
      await expect(codeOf(extractText(readFixture("hostile", file), kind, extractionLimits))).resolves.toBe(
        code,
      );
    },
  );

  it("refuses invalid UTF-8 and blank text without forking", async () => {
    await expect(
      codeOf(extractText(readFixture("hostile", "latin1.txt"), "txt", extractionLimits)),
    ).resolves.toBe("NOT_UTF8");
    await expect(codeOf(extractText(Buffer.from("\n  - \n * \n"), "md", extractionLimits))).resolves.toBe(
      "NO_TEXT",
    );
  });

  it("refuses a zip bomb before forking", async () => {
    await expect(
      codeOf(extractText(readFixture("hostile", "zip-bomb.docx"), "docx", extractionLimits)),
    ).resolves.toBe("ZIP_BOMB");
  });

  it("treats a corrupt DOCX body as malformed", async () => {
    const docx = writeZip([
      { name: "[Content_Types].xml", data: Buffer.from(contentTypesXml) },
      { name: "word/document.xml", data: Buffer.from("<w:document><unclosed") },
    ]);
    await expect(codeOf(extractText(docx, "docx", extractionLimits))).resolves.toBe("MALFORMED_FILE");
  });
});

describe("extractText: limits", () => {
  let longPdf: Buffer;
  beforeAll(async () => {
    longPdf = await renderPdfkit(anaSouza, { repeat: 150 });
  });

  it("kills the child on timeout", async () => {
    await expect(codeOf(extractText(longPdf, "pdf", { timeoutMs: 50, maxMemoryMb: 256 }))).resolves.toBe(
      "EXTRACTION_TIMEOUT",
    );
  });

  it("enforces page and text-length limits", async () => {
    await expect(codeOf(extractText(longPdf, "pdf", { ...extractionLimits, maxPages: 10 }))).resolves.toBe(
      "EXTRACTION_LIMIT",
    );
    await expect(
      codeOf(extractText(longPdf, "pdf", { ...extractionLimits, maxPages: 500, maxTextChars: 10_000 })),
    ).resolves.toBe("EXTRACTION_LIMIT");
    await expect(
      codeOf(
        extractText(Buffer.from("word ".repeat(5000)), "txt", { ...extractionLimits, maxTextChars: 100 }),
      ),
    ).resolves.toBe("EXTRACTION_LIMIT");
    const { pages } = await extractText(longPdf, "pdf", { ...extractionLimits, maxPages: 500 });
    expect(pages).toBeGreaterThan(50);
  });

  it("maps the child running out of heap to EXTRACTION_LIMIT", async () => {
    const heavy = manyTextItemsPdf(150_000);
    await expect(
      codeOf(extractText(heavy, "pdf", { timeoutMs: 60_000, maxMemoryMb: 16, maxTextChars: 1e8 })),
    ).resolves.toBe("EXTRACTION_LIMIT");
  });

  it("kills the child and rejects with the reason when aborted", async () => {
    const controller = new AbortController();
    const reason = new Error("worker shutting down");
    const pending = extractText(longPdf, "pdf", {
      ...extractionLimits,
      maxPages: 500,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
    await expect(
      extractText(longPdf, "pdf", { ...extractionLimits, signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
  });
});

describe("extractText under `node --import tsx`", () => {
  it("starts the plain .mjs child without the parent's loader", () => {
    const script = [
      'import { readFileSync } from "node:fs";',
      'import { extractText } from "./src/index.ts";',
      'const result = await extractText(readFileSync("fixtures/resumes/priya-raman.pdf-lib.pdf"), "pdf", { timeoutMs: 20000, maxMemoryMb: 128 });',
      "process.stdout.write(JSON.stringify({ pages: result.pages, hasName: result.text.includes('Priya Raman') }));",
    ].join("\n");
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: packageDir,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ pages: 1, hasName: true });
  });
});
