import { readdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DiskStore } from "./disk-internals";
import { createDiskStore } from "./disk-store";
import { createTempDiskStore, failure, type TempDiskStore } from "./testing/fixtures";

const secret = "x".repeat(40);
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

describe("disk store objects", () => {
  it("round-trips buffers, strings and byte views with their content type", async () => {
    await store.put("a/buffer.bin", Buffer.from([0, 1, 2]), { contentType: "application/octet-stream" });
    await store.put("a/text.txt", "héllo", { contentType: "text/plain; charset=utf-8" });
    await store.put("a/view.bin", new Uint8Array([9, 8, 7, 6]).subarray(1), { contentType: "image/png" });

    expect([...(await store.get("a/buffer.bin"))]).toEqual([0, 1, 2]);
    expect((await store.get("a/text.txt")).toString("utf8")).toBe("héllo");
    expect([...(await store.get("a/view.bin"))]).toEqual([8, 7, 6]);
    const info = await store.head("a/text.txt");
    expect(info).toMatchObject({ size: 6, contentType: "text/plain; charset=utf-8" });
    expect(info?.lastModified).toBeInstanceOf(Date);
  });

  it("stores a stream of declared length and streams it back", async () => {
    const chunks = [Buffer.from("one,"), Buffer.from("two,"), Buffer.from("three")];
    await store.put("s/stream.csv", Readable.from(chunks), { contentType: "text/csv", contentLength: 13 });
    expect(await text(await store.getStream("s/stream.csv"))).toBe("one,two,three");
    expect(await store.head("s/stream.csv")).toMatchObject({ size: 13, contentType: "text/csv" });
  });

  it("stores an empty object", async () => {
    await store.put("empty", "", { contentType: "text/plain" });
    expect((await store.get("empty")).length).toBe(0);
  });

  it("refuses a stream longer or shorter than declared and keeps the previous object", async () => {
    await store.put("doc", "original", { contentType: "text/plain" });
    const long = store.put("doc", Readable.from([Buffer.from("far too long")]), {
      contentType: "text/plain",
      contentLength: 3,
    });
    expect((await failure(long)).code).toBe("BAD_REQUEST");
    const short = store.put("doc", Readable.from([Buffer.from("ab")]), {
      contentType: "text/plain",
      contentLength: 3,
    });
    expect((await failure(short)).code).toBe("BAD_REQUEST");
    expect((await store.get("doc")).toString()).toBe("original");
    expect(await tempFiles()).toEqual([]);
  });

  // A source that fails at its first chunk used to beat the temp file's asynchronous open: the cleanup
  // ran first and the file appeared after it, left behind (within 200 tries on every run here).
  it("leaves no temp file behind when a stream is refused at its first chunk, however often", async () => {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const refused = store.put("doc", Readable.from([Buffer.from("far too long")]), {
        contentType: "text/plain",
        contentLength: 3,
      });
      expect((await failure(refused)).code).toBe("BAD_REQUEST");
      expect(await tempFiles(), `attempt ${attempt}`).toEqual([]);
    }
  });

  it("reports missing objects as NOT_FOUND (get, getStream) and null (head)", async () => {
    expect((await failure(store.get("missing"))).code).toBe("NOT_FOUND");
    expect((await failure(store.getStream("missing/deeper"))).code).toBe("NOT_FOUND");
    expect(await store.head("missing")).toBeNull();
  });

  it("keeps a key and longer keys under it side by side, as S3 does", async () => {
    await store.put("a", "parent", { contentType: "text/plain" });
    await store.put("a/b", "child", { contentType: "text/plain" });
    expect((await store.get("a")).toString()).toBe("parent");
    expect((await store.get("a/b")).toString()).toBe("child");
  });

  it("serves a reader that opened before a replace the complete old bytes", async () => {
    await store.put("swap", "old-content", { contentType: "text/plain" });
    const reader = await store.getStream("swap");
    await store.put("swap", "new", { contentType: "text/html" });
    expect(await text(reader)).toBe("old-content");
    expect(await store.head("swap")).toMatchObject({ size: 3, contentType: "text/html" });
  });

  it("deletes idempotently and prunes the directories it empties", async () => {
    await store.put("deep/er/file", "x", { contentType: "text/plain" });
    await store.delete("deep/er/file");
    await store.delete("deep/er/file");
    expect(await store.head("deep/er/file")).toBeNull();
    await expect(stat(join(rootDir, "objects", "deep"))).rejects.toMatchObject({ code: "ENOENT" });
  });
});

describe("disk store key validation (path traversal)", () => {
  const hostile = ["../outside", "a/../../outside", "/etc/passwd", "a//b", "a\\..\\b", "@tmp/x", ""];

  it.each(hostile)("refuses %j on every operation", async (key) => {
    const calls = [
      store.put(key, "x", { contentType: "text/plain" }),
      store.get(key),
      store.getStream(key),
      store.head(key),
      store.delete(key),
      store.createUploadUrl(key, { contentType: "text/plain", size: 1, maxSize: 1 }),
      store.createDownloadUrl(key),
    ];
    for (const call of calls) expect((await failure(call)).code).toBe("BAD_REQUEST");
    expect(await readdir(rootDir)).toEqual([]);
  });
});

describe("disk store deleteByPrefix", () => {
  it("deletes by string prefix, like S3, and returns the count", async () => {
    for (const key of ["users/1/a", "users/1/b/c", "users/12/a", "users/2/a", "users1"]) {
      await store.put(key, key, { contentType: "text/plain" });
    }
    expect(await store.deleteByPrefix("users/1/")).toBe(2);
    expect(await store.head("users/12/a")).not.toBeNull();
    expect(await store.deleteByPrefix("users/1")).toBe(1);
    expect(await store.head("users/2/a")).not.toBeNull();
    expect(await store.head("users1")).not.toBeNull();
    expect(await store.deleteByPrefix("nothing/")).toBe(0);
  });

  it("refuses an empty or traversing prefix", async () => {
    expect((await failure(store.deleteByPrefix(""))).code).toBe("BAD_REQUEST");
    expect((await failure(store.deleteByPrefix("../"))).code).toBe("BAD_REQUEST");
  });
});

describe("disk store configuration and readiness", () => {
  it("pings a writable root and fails with SERVICE_UNAVAILABLE on an unusable one", async () => {
    await expect(store.ping(1000)).resolves.toBeUndefined();
    const fileAsRoot = join(rootDir, "not-a-dir");
    await writeFile(fileAsRoot, "x");
    const broken = createDiskStore({ rootDir: fileAsRoot, signingSecret: secret, publicUrl: "http://h" });
    expect((await failure(broken.ping(1000))).code).toBe("SERVICE_UNAVAILABLE");
  });

  it.each([
    ["a short secret", { signingSecret: "short" }],
    ["a non-URL public URL", { publicUrl: "localhost:3000" }],
    ["a non-http public URL", { publicUrl: "ftp://host" }],
    ["a route prefix with a trailing slash", { routePrefix: "/storage/" }],
    ["a route prefix without a leading slash", { routePrefix: "storage" }],
  ])("refuses %s", (_label, override) => {
    const build = () =>
      createDiskStore({ rootDir, signingSecret: secret, publicUrl: "http://localhost:3000", ...override });
    expect(build).toThrow(expect.objectContaining({ code: "INTERNAL" }));
  });

  it("never exposes the signing secret on the store object", () => {
    expect(JSON.stringify(store)).not.toContain(secret);
    expect(Object.values(store)).not.toContain(secret);
  });
});
