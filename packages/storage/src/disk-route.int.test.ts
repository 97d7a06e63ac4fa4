import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { httpStatusFor, isAppError } from "@vitae/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiskStore } from "./disk-internals";
import { verifyDiskSignedRequest } from "./disk-signing";
import { createDiskStore } from "./disk-store";
import { receiveSignedUpload, serveSignedDownload } from "./disk-transfer";

/*
 * The route contract from the README, mounted on bare node:http and driven with fetch, so the helpers
 * are exercised with real request streams, real Content-Length handling and real URL parsing.
 */

let rootDir: string;
let server: Server;
let store: DiskStore;

function queryObject(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const existing = query[name];
    query[name] = existing === undefined ? value : [...[existing].flat(), value];
  }
  return query;
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://route.test");
  const base = `${store.routePrefix}/`;
  if (!url.pathname.startsWith(base)) {
    res.writeHead(404).end();
    return;
  }
  try {
    const grant = verifyDiskSignedRequest(store, {
      method: req.method ?? "GET",
      key: decodeURIComponent(url.pathname.slice(base.length)),
      query: queryObject(url),
      headers: req.headers,
    });
    if (grant.operation === "put") {
      await receiveSignedUpload(store, grant, req);
      res.writeHead(204).end();
    } else {
      const download = await serveSignedDownload(store, grant);
      res.writeHead(200, download.headers);
      download.body.pipe(res);
    }
  } catch (error) {
    const code = isAppError(error) ? error.code : "INTERNAL";
    res.writeHead(httpStatusFor(code), { "content-type": "text/plain" }).end(code);
  }
}

beforeAll(async () => {
  rootDir = await mkdtemp(join(tmpdir(), "vitae-storage-route-"));
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  store = createDiskStore({ rootDir, signingSecret: "r".repeat(32), publicUrl: `http://127.0.0.1:${port}` });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(rootDir, { recursive: true, force: true });
});

describe("disk signed-URL route over HTTP", () => {
  it("accepts an upload sent with the grant's headers and serves it back as an attachment", async () => {
    const body = Buffer.from("%PDF-1.7 route test");
    const upload = await store.createUploadUrl("route/cv.pdf", {
      contentType: "application/pdf",
      size: body.length,
      maxSize: 1024,
    });
    const put = await fetch(upload.url, { method: upload.method, headers: upload.headers, body });
    expect(put.status).toBe(204);

    const link = await store.createDownloadUrl("route/cv.pdf", { filename: "cv.pdf" });
    const get = await fetch(link.url);
    expect(get.status).toBe(200);
    expect(get.headers.get("content-type")).toBe("application/pdf");
    expect(get.headers.get("content-disposition")).toBe("attachment; filename=cv.pdf");
    expect(get.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await get.arrayBuffer()).equals(body)).toBe(true);
  });

  it("answers 415 for another content type and 413 for a larger declared body, storing nothing", async () => {
    const upload = await store.createUploadUrl("route/refused.pdf", {
      contentType: "application/pdf",
      size: 4,
      maxSize: 4,
    });
    const wrongType = await fetch(upload.url, {
      method: "PUT",
      headers: { "Content-Type": "text/html" },
      body: "abcd",
    });
    expect(wrongType.status).toBe(415);
    const tooBig = await fetch(upload.url, {
      method: "PUT",
      headers: { "Content-Type": "application/pdf" },
      body: "abcdefgh",
    });
    expect(tooBig.status).toBe(413);
    expect(await store.head("route/refused.pdf")).toBeNull();
  });

  it("refuses a chunked body that runs past the signed size, storing nothing", async () => {
    const upload = await store.createUploadUrl("route/chunked.pdf", {
      contentType: "application/pdf",
      size: 4,
      maxSize: 4,
    });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 64; i++) controller.enqueue(new Uint8Array(1024));
        controller.close();
      },
    });
    const outcome = await fetch(upload.url, {
      method: "PUT",
      headers: { "Content-Type": "application/pdf" },
      body: chunks,
      duplex: "half",
    } as RequestInit).then(
      (response) => response.status,
      () => "connection closed",
    );
    // The server stops reading at the first byte too many; the client sees a 413 or a closed connection.
    expect([413, "connection closed"]).toContain(outcome);
    expect(await store.head("route/chunked.pdf")).toBeNull();
  });

  it("answers 403 for a tampered link, 405 for other methods and 404 for a missing object", async () => {
    const link = new URL((await store.createDownloadUrl("route/missing.pdf")).url);
    expect((await fetch(link)).status).toBe(404);
    expect((await fetch(link, { method: "DELETE" })).status).toBe(405);
    link.searchParams.set("exp", String(Number(link.searchParams.get("exp")) + 3600));
    expect((await fetch(link)).status).toBe(403);
  });
});
