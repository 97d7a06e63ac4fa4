import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { precompressDirectory } from "./precompress";

describe("precompressDirectory", () => {
  let root: string | undefined;

  afterEach(async () => {
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });

  it("writes brotli and gzip copies of text files, in subfolders too, that decompress to the original", async () => {
    root = await mkdtemp(path.join(tmpdir(), "vitae-precompress-"));
    await mkdir(path.join(root, "assets"));
    const js = `export const text = ${JSON.stringify("résumé ".repeat(400))};`;
    await writeFile(path.join(root, "assets", "app-abc.js"), js);
    await writeFile(path.join(root, "index.html"), `<!doctype html>${"<p>Vitae</p>".repeat(200)}`);

    const done = await precompressDirectory(root);

    expect(done.map((file) => path.relative(root ?? "", file)).sort()).toEqual([
      "assets/app-abc.js",
      "index.html",
    ]);
    const file = path.join(root, "assets", "app-abc.js");
    expect(brotliDecompressSync(await readFile(`${file}.br`)).toString()).toBe(js);
    expect(gunzipSync(await readFile(`${file}.gz`)).toString()).toBe(js);
  });

  it("leaves tiny files, binary formats and its own output alone", async () => {
    root = await mkdtemp(path.join(tmpdir(), "vitae-precompress-"));
    await writeFile(path.join(root, "tiny.js"), "export {};");
    await writeFile(path.join(root, "photo.png"), Buffer.alloc(4096, 7));
    await writeFile(path.join(root, "big.css"), "a{color:red}".repeat(300));

    await precompressDirectory(root);
    // A second build step over the same folder must not compress the copies again.
    await precompressDirectory(root);

    expect((await readdir(root)).sort()).toEqual([
      "big.css",
      "big.css.br",
      "big.css.gz",
      "photo.png",
      "tiny.js",
    ]);
  });
});
