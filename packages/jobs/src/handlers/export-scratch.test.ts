import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createExportScratch, sweepAbandonedExportScratch } from "./export-scratch";

const hour = 60 * 60 * 1000;
let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "vitae-scratch-test-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function age(path: string, ms: number): Promise<void> {
  const at = new Date(Date.now() - ms);
  await utimes(path, at, at);
}

describe("sweepAbandonedExportScratch", () => {
  it("removes only export scratch directories nothing has written to for longer than the limit", async () => {
    const abandoned = await createExportScratch(root);
    await writeFile(join(abandoned, "export.csv"), "id\n1\n");
    await age(join(abandoned, "export.csv"), 3 * hour);
    await age(abandoned, 3 * hour);

    // An export still streaming: its directory is old, its file was just written.
    const live = await createExportScratch(root);
    await writeFile(join(live, "export.xml"), "<rows/>");
    await age(live, 3 * hour);

    const fresh = await createExportScratch(root);

    // Not an export's: the same age, another name.
    const unrelated = join(root, "vitae-pg-data");
    await mkdir(unrelated);
    await age(unrelated, 3 * hour);

    expect(await sweepAbandonedExportScratch({ root, olderThanMs: hour })).toBe(1);
    const left = (await readdir(root)).sort();
    expect(left).toEqual([live, fresh, unrelated].map((path) => path.slice(root.length + 1)).sort());
  });

  it("removes nothing when everything is younger than the limit, and copes with an empty folder", async () => {
    await createExportScratch(root);
    expect(await sweepAbandonedExportScratch({ root, olderThanMs: hour })).toBe(0);
    await rm(root, { recursive: true, force: true });
    await mkdir(root);
    expect(await sweepAbandonedExportScratch({ root, olderThanMs: hour })).toBe(0);
  });
});
