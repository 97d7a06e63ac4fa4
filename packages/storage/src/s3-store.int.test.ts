import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import S3rver from "s3rver";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createS3Store, type S3StoreConfig } from "./s3-store";
import { failure } from "./testing/fixtures";
import { startSigV4Proxy } from "./testing/sigv4-proxy";
import type { ObjectStore } from "./types";

const bucket = "vitae-test";
let directory: string;
let server: S3rver;
let config: S3StoreConfig;
let store: ObjectStore;
/** Presigns for the SigV4-verifying proxy in front of s3rver (s3rver itself checks no signatures). */
let signer: ObjectStore;
let proxy: { port: number; close: () => Promise<void> };
let prefix: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "vitae-storage-s3rver-"));
  server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  config = {
    bucket,
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    listPageSize: 7,
  };
  store = createS3Store(config);
  proxy = await startSigV4Proxy(port, "S3RVER");
  signer = createS3Store({ ...config, endpoint: `http://127.0.0.1:${proxy.port}` });
});

afterAll(async () => {
  await proxy.close();
  await server.close();
  await rm(directory, { recursive: true, force: true });
});

// Each test works under its own prefix and removes it afterwards.
afterEach(async () => {
  await store.deleteByPrefix(prefix);
});

function key(name: string): string {
  return `${prefix}${name}`;
}

describe("S3 store objects", () => {
  it("round-trips bodies with their content type", async () => {
    prefix = `t-${randomUUID()}/`;
    await store.put(key("a.txt"), "héllo", { contentType: "text/plain; charset=utf-8" });
    await store.put(key("b.bin"), new Uint8Array([5, 6, 7, 8]).subarray(1), { contentType: "image/png" });
    expect((await store.get(key("a.txt"))).toString("utf8")).toBe("héllo");
    expect([...(await store.get(key("b.bin")))]).toEqual([6, 7, 8]);
    const info = await store.head(key("a.txt"));
    expect(info).toMatchObject({ size: 6, contentType: "text/plain; charset=utf-8" });
    expect(info?.lastModified).toBeInstanceOf(Date);
  });

  it("stores a stream of declared length and streams it back", async () => {
    prefix = `t-${randomUUID()}/`;
    const chunks = [Buffer.from("one,"), Buffer.from("two,"), Buffer.from("three")];
    await store.put(key("s.csv"), Readable.from(chunks), { contentType: "text/csv", contentLength: 13 });
    expect(await text(await store.getStream(key("s.csv")))).toBe("one,two,three");
  });

  it("refuses a stream that does not match its declared length, storing nothing", async () => {
    prefix = `t-${randomUUID()}/`;
    const long = store.put(key("long"), Readable.from([Buffer.from("far too long")]), {
      contentType: "text/plain",
      contentLength: 3,
    });
    expect((await failure(long)).code).toBe("BAD_REQUEST");
    const short = store.put(key("short"), Readable.from([Buffer.from("ab")]), {
      contentType: "text/plain",
      contentLength: 3,
    });
    expect((await failure(short)).code).toBe("BAD_REQUEST");
    expect(await store.head(key("long"))).toBeNull();
    expect(await store.head(key("short"))).toBeNull();
  });

  it("reports missing objects as NOT_FOUND / null and deletes idempotently", async () => {
    prefix = `t-${randomUUID()}/`;
    expect((await failure(store.get(key("missing")))).code).toBe("NOT_FOUND");
    expect((await failure(store.getStream(key("missing")))).code).toBe("NOT_FOUND");
    expect(await store.head(key("missing"))).toBeNull();
    await store.put(key("gone"), "x", { contentType: "text/plain" });
    await store.delete(key("gone"));
    await store.delete(key("gone"));
    expect(await store.head(key("gone"))).toBeNull();
  });

  it("validates keys before any request", async () => {
    prefix = `t-${randomUUID()}/`;
    expect((await failure(store.put("../x", "x", { contentType: "text/plain" }))).code).toBe("BAD_REQUEST");
    expect((await failure(store.head("/abs"))).code).toBe("BAD_REQUEST");
  });

  it("deletes by prefix across several list pages and leaves other keys alone", async () => {
    prefix = `t-${randomUUID()}/`;
    const keys = Array.from({ length: 25 }, (_, i) => key(`many/${i}`));
    await Promise.all(keys.map((name) => store.put(name, "x", { contentType: "text/plain" })));
    await store.put(key("other/keep"), "keep", { contentType: "text/plain" });
    expect(await store.deleteByPrefix(key("many/"))).toBe(25);
    expect(await store.head(key("many/0"))).toBeNull();
    expect(await store.head(key("many/24"))).toBeNull();
    expect((await store.get(key("other/keep"))).toString()).toBe("keep");
    expect(await store.deleteByPrefix(key("many/"))).toBe(0);
  });
});

describe("S3 store presigned URLs", () => {
  it("accepts a presigned PUT sent with the bound headers", async () => {
    prefix = `t-${randomUUID()}/`;
    const body = Buffer.from("%PDF-1.7 test");
    const upload = await signer.createUploadUrl(key("cv.pdf"), {
      contentType: "application/pdf",
      size: body.length,
      maxSize: 1024,
    });
    expect(upload.method).toBe("PUT");
    expect(upload.headers).toEqual({
      "Content-Type": "application/pdf",
      "Content-Length": String(body.length),
      "If-None-Match": "*",
    });
    expect(new URL(upload.url).searchParams.get("X-Amz-SignedHeaders")).toBe(
      "content-length;content-type;host;if-none-match",
    );
    const response = await fetch(upload.url, { method: "PUT", headers: upload.headers, body });
    expect(response.status).toBe(200);
    expect((await store.get(key("cv.pdf"))).equals(body)).toBe(true);
    expect(await store.head(key("cv.pdf"))).toMatchObject({ contentType: "application/pdf" });
  });

  it("refuses a presigned PUT with another content type or size", async () => {
    prefix = `t-${randomUUID()}/`;
    const upload = await signer.createUploadUrl(key("cv.pdf"), {
      contentType: "application/pdf",
      size: 4,
      maxSize: 4,
    });
    const wrongType = await fetch(upload.url, {
      method: "PUT",
      headers: { "Content-Type": "text/html" },
      body: Buffer.from("abcd"),
    });
    expect(wrongType.status).toBe(403);
    const wrongSize = await fetch(upload.url, {
      method: "PUT",
      headers: { "Content-Type": "application/pdf" },
      body: Buffer.from("abcdefgh"),
    });
    expect(wrongSize.status).toBe(403);
    expect(await store.head(key("cv.pdf"))).toBeNull();
  });

  it("makes every presigned PUT a conditional create (If-None-Match: * is signed in)", async () => {
    prefix = `t-${randomUUID()}/`;
    const body = Buffer.from("abcd");
    const upload = await signer.createUploadUrl(key("once.pdf"), {
      contentType: "application/pdf",
      size: body.length,
      maxSize: 4,
    });
    // Dropping the precondition breaks the signature, so a replay cannot ask for an overwrite. S3, MinIO
    // and R2 then refuse a second write with 412; s3rver ignores the header, so that part is S3's.
    const { "If-None-Match": _precondition, ...unconditional } = upload.headers;
    const replay = await fetch(upload.url, { method: "PUT", headers: unconditional, body });
    expect(replay.status).toBe(403);
    expect(await store.head(key("once.pdf"))).toBeNull();
  });

  it("refuses an expired presigned PUT", async () => {
    prefix = `t-${randomUUID()}/`;
    const past = createS3Store({
      ...config,
      endpoint: `http://127.0.0.1:${proxy.port}`,
      now: () => new Date(Date.now() - 2 * 3600 * 1000),
    });
    const upload = await past.createUploadUrl(key("old.pdf"), {
      contentType: "application/pdf",
      size: 1,
      maxSize: 1,
    });
    const response = await fetch(upload.url, {
      method: "PUT",
      headers: upload.headers,
      body: Buffer.from("a"),
    });
    expect(response.status).toBe(403);
  });

  it("refuses to sign an upload over maxSize", async () => {
    prefix = `t-${randomUUID()}/`;
    const call = signer.createUploadUrl(key("big"), { contentType: "application/pdf", size: 2, maxSize: 1 });
    expect((await failure(call)).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("serves a presigned GET as an attachment with an encoded file name", async () => {
    prefix = `t-${randomUUID()}/`;
    await store.put(key("cv.pdf"), "%PDF", { contentType: "application/pdf" });
    const link = await signer.createDownloadUrl(key("cv.pdf"), {
      filename: "Zoë CV.pdf",
      expiresInSeconds: 60,
    });
    const response = await fetch(link.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("%PDF");
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"Zo? CV.pdf\"; filename*=UTF-8''Zo%C3%AB%20CV.pdf",
    );
  });

  it("serves a presigned GET with the content type it was signed with (ResponseContentType)", async () => {
    prefix = `t-${randomUUID()}/`;
    await store.put(key("export.html"), "<!doctype html>", { contentType: "application/octet-stream" });
    const link = await signer.createDownloadUrl(key("export.html"), {
      filename: "resume.html",
      contentType: "text/html; charset=utf-8",
    });
    expect(new URL(link.url).searchParams.get("response-content-type")).toBe("text/html; charset=utf-8");
    const response = await fetch(link.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="?resume\.html"?/);
    const tampered = new URL(link.url);
    tampered.searchParams.set("response-content-type", "text/plain");
    expect((await fetch(tampered)).status).toBe(403);
  });

  it("binds the download file name into the signature", async () => {
    prefix = `t-${randomUUID()}/`;
    await store.put(key("cv.pdf"), "%PDF", { contentType: "application/pdf" });
    const link = new URL((await signer.createDownloadUrl(key("cv.pdf"), { filename: "cv.pdf" })).url);
    link.searchParams.set("response-content-disposition", "inline");
    expect((await fetch(link)).status).toBe(403);
  });
});

describe("S3 store readiness", () => {
  it("pings a live bucket", async () => {
    prefix = `t-${randomUUID()}/`;
    await expect(store.ping(2000)).resolves.toBeUndefined();
  });

  it("fails with SERVICE_UNAVAILABLE against a closed port", async () => {
    prefix = `t-${randomUUID()}/`;
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const closed = createS3Store({ ...config, endpoint: `http://127.0.0.1:${port}` });
    expect((await failure(closed.ping(500))).code).toBe("SERVICE_UNAVAILABLE");
  });

  it("fails with SERVICE_UNAVAILABLE at the deadline when the server accepts but never answers", async () => {
    prefix = `t-${randomUUID()}/`;
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    try {
      const hanging = createS3Store({ ...config, endpoint: `http://127.0.0.1:${port}` });
      expect((await failure(hanging.ping(300))).code).toBe("SERVICE_UNAVAILABLE");
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
