import { spawnSync } from "node:child_process";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { renderPdfkit } from "../fixtures/lib/render-pdf";
import { renderText } from "../fixtures/lib/render-text";
import { anaSouza, marcusLee } from "../fixtures/lib/resume-sources";
import { createExtractionPool, type DocumentError, type ExtractionPool, readResume } from "../src/index";
import { childProcessIds, extractionLimits, packageDir } from "./support/fixtures";
import { manyTextItemsPdf } from "./support/raw-pdf";

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: unknown) => (error as DocumentError).code,
  );

let pool: ExtractionPool;
afterEach(async () => {
  await pool.close();
  // Closing the pool leaves no child behind, whatever the documents did.
  expect(childProcessIds()).toEqual([]);
});

// Each test starts sandboxed children (tsx loads the parser in each); on a loaded CI machine that takes minutes.
describe("createExtractionPool", { timeout: 300_000 }, () => {
  let ana: Buffer;
  let marcus: Buffer;
  beforeAll(async () => {
    ana = await renderPdfkit(anaSouza);
    marcus = Buffer.from(renderText(marcusLee));
  });

  it("reads consecutive documents in one child, each answer the document's own", async () => {
    pool = createExtractionPool({ size: 1 });
    const alone = [
      await readResume(ana, "pdf", extractionLimits),
      await readResume(marcus, "txt", extractionLimits),
    ];
    const options = { ...extractionLimits, pool };
    const pooled = [
      await readResume(ana, "pdf", options),
      await readResume(marcus, "txt", options),
      await readResume(ana, "pdf", options),
    ];
    expect(childProcessIds()).toHaveLength(1);
    expect(pooled.map((read) => read.heuristic)).toEqual(
      [alone[0], alone[1], alone[0]].map((read) => read?.heuristic),
    );
    expect(pooled.map((read) => read.text)).toEqual([alone[0], alone[1], alone[0]].map((read) => read?.text));
  });

  it("keeps a timed-out, out-of-heap or aborted child out of the pool and reads the next document in a new one", async () => {
    pool = createExtractionPool({ size: 1 });
    const longText = Buffer.from(renderText(anaSouza).repeat(150));
    await readResume(marcus, "txt", { ...extractionLimits, pool });
    const [first] = childProcessIds();
    await expect(
      codeOf(readResume(longText, "txt", { ...extractionLimits, timeoutMs: 50, pool })),
    ).resolves.toBe("EXTRACTION_TIMEOUT");
    expect(childProcessIds()).not.toContain(first);
    await expect(
      codeOf(
        readResume(manyTextItemsPdf(150_000), "pdf", {
          timeoutMs: 60_000,
          maxMemoryMb: 16,
          maxTextChars: 1e8,
          pool,
        }),
      ),
    ).resolves.toBe("EXTRACTION_LIMIT");
    const reason = new Error("worker shutting down");
    const controller = new AbortController();
    const aborted = readResume(longText, "txt", { ...extractionLimits, signal: controller.signal, pool });
    setTimeout(() => controller.abort(reason), 20);
    await expect(aborted).rejects.toBe(reason);
    const after = await readResume(marcus, "txt", { ...extractionLimits, pool });
    expect(after.heuristic.profile.name).toBe(marcusLee.expected.name);
    expect(childProcessIds()).toHaveLength(1);
  });

  it("counts each document's CPU budget from its own start, not from the child's", async () => {
    pool = createExtractionPool({ size: 1 });
    // A long first document makes the child use well over a second of CPU; short documents after it in
    // the same child fit a budget far smaller than what the child has used in all.
    await readResume(Buffer.from(renderText(anaSouza).repeat(150)), "txt", { ...extractionLimits, pool });
    for (let run = 0; run < 3; run += 1) {
      const read = await readResume(marcus, "txt", { ...extractionLimits, timeoutMs: 400, pool });
      expect(read.heuristic.profile.name).toBe(marcusLee.expected.name);
    }
  });

  // Under vitest the event loop never empties; a plain host shows whether an idle child holds it open
  // (the host would never exit) or whether close() lets it exit before the children are gone.
  it.each([
    [
      "closes its children and resolves in a plain host",
      "await pool.close(); process.stdout.write('closed');",
      "closed",
    ],
    ["lets a plain host exit with an idle child in the pool", "process.stdout.write('left');", "left"],
  ])("%s", (_, end, printed) => {
    pool = createExtractionPool();
    const script = [
      'import { readFileSync } from "node:fs";',
      'import { createExtractionPool, readResume } from "./src/index.ts";',
      "const pool = createExtractionPool();",
      'await readResume(readFileSync("fixtures/resumes/priya-raman.pdf-lib.pdf"), "pdf", { timeoutMs: 20000, maxMemoryMb: 128, pool });',
      end,
    ].join("\n");
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: packageDir,
      encoding: "utf8",
      timeout: 90_000,
    });
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 0, stdout: printed });
  });

  it("refuses documents once closed", async () => {
    pool = createExtractionPool();
    await pool.close();
    await expect(readResume(marcus, "txt", { ...extractionLimits, pool })).rejects.toThrow(/pool closed/);
  });
});
