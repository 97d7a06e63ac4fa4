import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerWebApp } from "./web-app";

const indexHtml = `<!doctype html><html><body><div id="root"></div>${"<!-- padding -->".repeat(100)}</body></html>`;
const appJs = `console.log(${JSON.stringify("vitae ".repeat(500))});`;
const immutable = "public, max-age=31536000, immutable";

/** A build as `vite build` + the precompress plugin leave it; `plain.js` has no compressed copies. */
async function writeBuild(distDir: string): Promise<void> {
  await mkdir(path.join(distDir, "assets"), { recursive: true });
  const files: Array<[string, string]> = [
    ["index.html", indexHtml],
    ["assets/app-abc123.js", appJs],
  ];
  for (const [name, text] of files) {
    const file = path.join(distDir, name);
    await writeFile(file, text);
    await writeFile(`${file}.br`, brotliCompressSync(text));
    await writeFile(`${file}.gz`, gzipSync(text));
  }
  await writeFile(path.join(distDir, "assets", "plain-def456.js"), appJs);
}

describe("web app static serving", () => {
  let app: FastifyInstance;
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "vitae-web-app-"));
    // Deliberately not named `dist`: caching must follow the configured directory, not a folder name.
    const distDir = path.join(root, "web-build");
    await writeBuild(distDir);
    app = Fastify();
    await registerWebApp(app, { distDir });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await rm(root, { recursive: true, force: true });
  });

  it("sends the brotli copy of a hashed asset to a browser that accepts it, cached for a year", async () => {
    const response = await app.inject({
      url: "/assets/app-abc123.js",
      headers: { "accept-encoding": "gzip, deflate, br, zstd" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers.vary).toContain("accept-encoding");
    expect(response.headers["content-type"]).toMatch(/^text\/javascript|^application\/javascript/);
    expect(response.headers["cache-control"]).toBe(immutable);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(appJs);
  });

  it("sends gzip to a browser without brotli, and the plain file to one that accepts neither", async () => {
    const gzipped = await app.inject({
      url: "/assets/app-abc123.js",
      headers: { "accept-encoding": "gzip" },
    });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(appJs);

    const plain = await app.inject({
      url: "/assets/app-abc123.js",
      headers: { "accept-encoding": "identity" },
    });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    // Even the plain answer varies on the header, or a shared cache could hand it to a brotli browser.
    expect(plain.headers.vary).toContain("accept-encoding");
    expect(plain.body).toBe(appJs);
  });

  it("falls back to the plain file when the build has no compressed copy", async () => {
    const response = await app.inject({
      url: "/assets/plain-def456.js",
      headers: { "accept-encoding": "br" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-encoding"]).toBeUndefined();
    expect(response.body).toBe(appJs);
  });

  it("serves index.html compressed and always revalidated, for the root and for client-side routes", async () => {
    for (const url of ["/", "/documents", "/profiles/abc/ask"]) {
      const response = await app.inject({ url, headers: { "accept-encoding": "br" } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-encoding"], url).toBe("br");
      expect(response.headers["cache-control"], url).toBe("no-cache");
      expect(brotliDecompressSync(response.rawPayload).toString(), url).toBe(indexHtml);
    }
  });

  it("answers an unknown API path or a missing asset with a 404, never the app", async () => {
    for (const url of ["/trpc/nope", "/api/nope", "/healthz/extra"]) {
      const response = await app.inject({ url, headers: { "accept-encoding": "br" } });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers["content-type"], url).toMatch(/application\/json/);
    }
  });
});
