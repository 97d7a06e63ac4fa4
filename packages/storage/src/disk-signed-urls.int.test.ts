import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DiskStore } from "./disk-internals";
import { type DiskPutGrant, verifyDiskSignedRequest } from "./disk-signing";
import { createDiskStore } from "./disk-store";
import { receiveSignedUpload, serveSignedDownload } from "./disk-transfer";
import { createTempDiskStore, failure, fixedNow, type TempDiskStore } from "./testing/fixtures";

let fixture: TempDiskStore;
let rootDir: string;
let store: DiskStore;

beforeEach(async () => {
  fixture = await createTempDiskStore();
  ({ rootDir, store } = fixture);
});

afterEach(async () => {
  await fixture.cleanup();
});

const tempFiles = () => fixture.tempFiles();

/** Splits a signed URL the way the API route does: key from the path, query as an object. */
function requestFor(url: string, method: string, headers: Record<string, string>) {
  const parsed = new URL(url);
  expect(parsed.pathname.startsWith("/storage/")).toBe(true);
  return {
    method,
    key: decodeURIComponent(parsed.pathname.slice("/storage/".length)),
    query: Object.fromEntries(parsed.searchParams),
    headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
    now: fixedNow,
  };
}

async function uploadGrant(
  key: string,
  size: number,
  contentType = "application/pdf",
): Promise<DiskPutGrant> {
  const upload = await store.createUploadUrl(key, { contentType, size, maxSize: 1000 });
  const grant = verifyDiskSignedRequest(
    store,
    requestFor(upload.url, "PUT", { "content-type": contentType }),
  );
  if (grant.operation !== "put") throw new Error("expected an upload grant");
  return grant;
}

describe("disk store signed uploads", () => {
  it("builds a PUT URL on the public URL with the bound headers and a capped expiry", async () => {
    const upload = await store.createUploadUrl("cv/a.pdf", {
      contentType: "application/pdf",
      size: 5,
      maxSize: 10,
      expiresInSeconds: 999_999,
    });
    expect(upload.url.startsWith("http://localhost:3000/storage/cv/a.pdf?")).toBe(true);
    expect(upload.method).toBe("PUT");
    expect(upload.headers).toEqual({ "Content-Type": "application/pdf", "Content-Length": "5" });
    expect(upload.expiresAt).toEqual(new Date(fixedNow.getTime() + 3600 * 1000));
  });

  it("refuses to sign an upload over maxSize", async () => {
    const call = store.createUploadUrl("cv/a.pdf", { contentType: "application/pdf", size: 11, maxSize: 10 });
    expect((await failure(call)).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("stores an upload of exactly the signed size with the signed content type", async () => {
    const grant = await uploadGrant("cv/a.pdf", 6);
    const result = await receiveSignedUpload(
      store,
      grant,
      Readable.from([Buffer.from("%PDF"), Buffer.from("-1")]),
    );
    expect(result).toEqual({ key: "cv/a.pdf", size: 6, contentType: "application/pdf" });
    expect((await store.get("cv/a.pdf")).toString()).toBe("%PDF-1");
    expect(await store.head("cv/a.pdf")).toMatchObject({ contentType: "application/pdf" });
  });

  it("aborts an oversize body with PAYLOAD_TOO_LARGE, publishing nothing and leaving no temp file", async () => {
    const grant = await uploadGrant("cv/a.pdf", 4);
    let produced = 0;
    const endless = Readable.from(
      (function* () {
        for (;;) {
          produced++;
          yield Buffer.alloc(3);
        }
      })(),
    );
    const error = await failure(receiveSignedUpload(store, grant, endless));
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(produced).toBeLessThan(10);
    expect(endless.destroyed).toBe(true);
    expect(await store.head("cv/a.pdf")).toBeNull();
    expect(await tempFiles()).toEqual([]);
  });

  it("is single-use: a replay is refused with CONFLICT before its body is read, keeping the first bytes", async () => {
    const grant = await uploadGrant("cv/once.pdf", 4);
    await receiveSignedUpload(store, grant, Readable.from([Buffer.from("good")]));
    const replayBody = Readable.from([Buffer.from("evil")]);
    const error = await failure(receiveSignedUpload(store, grant, replayBody));
    expect(error.code).toBe("CONFLICT");
    expect(replayBody.readableDidRead).toBe(false);
    expect((await store.get("cv/once.pdf")).toString()).toBe("good");
    expect(await tempFiles()).toEqual([]);
  });

  it("publishes exactly one of two racing uploads through the same grant", async () => {
    const grant = await uploadGrant("cv/race.pdf", 4);
    // Both pass the early existence check before either publishes.
    const slow = (bytes: string) =>
      Readable.from(
        (async function* () {
          await new Promise((resolve) => setImmediate(resolve));
          yield Buffer.from(bytes);
        })(),
      );
    const outcomes = await Promise.allSettled([
      receiveSignedUpload(store, grant, slow("aaaa")),
      receiveSignedUpload(store, grant, slow("bbbb")),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason.code).toBe("CONFLICT");
    expect(["aaaa", "bbbb"]).toContain((await store.get("cv/race.pdf")).toString());
    expect(await tempFiles()).toEqual([]);
  });

  it("refuses a body that ends short, publishing nothing", async () => {
    const grant = await uploadGrant("cv/short.pdf", 10);
    const error = await failure(receiveSignedUpload(store, grant, Readable.from([Buffer.from("12345")])));
    expect(error.code).toBe("BAD_REQUEST");
    expect(await store.head("cv/short.pdf")).toBeNull();
    expect(await tempFiles()).toEqual([]);
  });

  it("treats a client abort mid-upload as BAD_REQUEST, publishing nothing", async () => {
    const grant = await uploadGrant("cv/abort.pdf", 10);
    const aborted = new Readable({ read() {} });
    aborted.push(Buffer.from("12345"));
    setImmediate(() => aborted.destroy(new Error("aborted")));
    const error = await failure(receiveSignedUpload(store, grant, aborted));
    expect(error.code).toBe("BAD_REQUEST");
    expect(await store.head("cv/abort.pdf")).toBeNull();
    expect(await tempFiles()).toEqual([]);
  });

  it("expires: the same link verifies before its expiry and not after", async () => {
    const upload = await store.createUploadUrl("cv/a.pdf", {
      contentType: "application/pdf",
      size: 1,
      maxSize: 1,
      expiresInSeconds: 60,
    });
    const request = requestFor(upload.url, "PUT", { "content-type": "application/pdf" });
    expect(
      verifyDiskSignedRequest(store, { ...request, now: new Date(fixedNow.getTime() + 60_000) }).key,
    ).toBe("cv/a.pdf");
    const late = () =>
      verifyDiskSignedRequest(store, { ...request, now: new Date(fixedNow.getTime() + 61_000) });
    expect(late).toThrow(expect.objectContaining({ code: "SIGNATURE_EXPIRED" }));
  });

  it("does not accept links signed by another store's secret", async () => {
    const other = createDiskStore({
      rootDir,
      signingSecret: "y".repeat(40),
      publicUrl: "http://localhost:3000",
    });
    const upload = await other.createUploadUrl("cv/a.pdf", {
      contentType: "application/pdf",
      size: 1,
      maxSize: 1,
    });
    const request = requestFor(upload.url, "PUT", { "content-type": "application/pdf" });
    expect(() => verifyDiskSignedRequest(store, request)).toThrow(
      expect.objectContaining({ code: "SIGNATURE_INVALID" }),
    );
  });
});

describe("disk store signed downloads", () => {
  it("serves the object as a sandboxed attachment with the signed file name", async () => {
    await store.put("cv/a.pdf", "%PDF-1.7", { contentType: "application/pdf" });
    const link = await store.createDownloadUrl("cv/a.pdf", { filename: "Zoë CV.pdf", expiresInSeconds: 120 });
    expect(link.expiresAt).toEqual(new Date(fixedNow.getTime() + 120_000));
    const grant = verifyDiskSignedRequest(store, requestFor(link.url, "GET", {}));
    if (grant.operation !== "get") throw new Error("expected a download grant");
    const download = await serveSignedDownload(store, grant);
    expect(download.headers).toMatchObject({
      "content-type": "application/pdf",
      "content-length": "8",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    });
    expect(download.headers["content-disposition"]).toBe(
      "attachment; filename=\"Zo? CV.pdf\"; filename*=UTF-8''Zo%C3%AB%20CV.pdf",
    );
    expect(await text(download.body)).toBe("%PDF-1.7");
  });

  it("applies a signed content type override and reports a missing object as NOT_FOUND", async () => {
    await store.put("x.bin", "x", { contentType: "application/octet-stream" });
    const link = await store.createDownloadUrl("x.bin", { contentType: "text/plain" });
    const grant = verifyDiskSignedRequest(store, requestFor(link.url, "GET", {}));
    if (grant.operation !== "get") throw new Error("expected a download grant");
    const download = await serveSignedDownload(store, grant);
    download.body.destroy();
    expect(download.headers["content-type"]).toBe("text/plain");
    expect(download.headers["content-disposition"]).toBe("attachment");

    await store.delete("x.bin");
    expect((await failure(serveSignedDownload(store, grant))).code).toBe("NOT_FOUND");
  });

  it("refuses an invalid file name when the link is made", async () => {
    expect((await failure(store.createDownloadUrl("x", { filename: "a\r\nb" }))).code).toBe("BAD_REQUEST");
  });
});
