import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, followDocument, settledRun, sweepStaleUploadsNow } from "./documents";
import { startTestApi, type TestApi } from "./harness";
import { type CallResult, call, createWorkspace, signUp, type TestUser } from "./identity";

let api: TestApi;
let owner: TestUser;
let workspaceId: string;

beforeAll(async () => {
  api = await startTestApi({ env: { RATE_LIMIT_UPLOAD_FREE: "1000/1h" } });
  owner = await signUp(api, "Storage");
  workspaceId = await createWorkspace(api, owner, "Storage Co");
});
afterAll(async () => {
  await api?.cleanup();
});

/** The key a presigned upload writes (disk URLs are `/storage/<key>?…`). */
const uploadKeyOf = (upload: { url: string }) =>
  decodeURIComponent(new URL(upload.url).pathname.slice("/storage/".length));

const originalKey = (documentId: string) => `workspaces/${workspaceId}/documents/${documentId}/original`;

async function storedBytes(): Promise<number> {
  const usage = await call(api, "usage.current", { cookie: owner.cookie });
  return usage.body.result.data.storedBytes.used;
}

async function createUpload(filename: string, size: number, contentType = "text/plain") {
  const created = await call(api, "documents.createUpload", {
    cookie: owner.cookie,
    type: "mutation",
    input: { filename, contentType, size },
  });
  if (created.status !== 200) throw new Error(`createUpload: ${JSON.stringify(created.body)}`);
  return created.body.result.data as {
    documentId: string;
    upload: { url: string; method: "PUT"; headers: Record<string, string> };
  };
}

const finalize = (documentId: string): Promise<CallResult> =>
  call(api, "documents.finalize", { cookie: owner.cookie, type: "mutation", input: { documentId } });

const put = (upload: { url: string; headers: Record<string, string> }, body: Buffer) =>
  fetch(upload.url, { method: "PUT", headers: upload.headers, body });

describe("storage quota: every stored byte is counted once", () => {
  // Twenty documents are parsed one sandboxed child at a time: minutes, not seconds, on a loaded machine.
  it("concurrent finalizes charge each document once and ingest it once", async () => {
    const before = await storedBytes();
    const base = await fixture("resumes/marcus-lee.txt");
    // 20 documents of different sizes, each finalized by 4 racing calls.
    const documents = await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const bytes = Buffer.concat([base, Buffer.from(`\nNote ${"x".repeat(index * 7)}\n`)]);
        const { documentId, upload } = await createUpload(`race-${index}.txt`, bytes.length);
        expect((await put(upload, bytes)).ok).toBe(true);
        return { documentId, size: bytes.length };
      }),
    );
    const outcomes = await Promise.all(
      documents.flatMap(({ documentId }) => Array.from({ length: 4 }, () => finalize(documentId))),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(outcomes.map(() => 200));
    const sum = documents.reduce((total, document) => total + document.size, 0);
    expect((await storedBytes()) - before).toBe(sum);
    for (const { documentId } of documents) {
      expect((await followDocument(api, owner, documentId)).at(-1)?.status).toBe("ready");
      expect(await settledRun(api, documentId)).toMatchObject({ status: "succeeded", attempts: 1 });
    }
    expect((await storedBytes()) - before).toBe(sum);
  }, 240_000);

  it("counts an upload that is never finalized from the moment it is granted", async () => {
    const before = await storedBytes();
    const { documentId, upload } = await createUpload("never-finalized.txt", 1000);
    expect((await put(upload, Buffer.alloc(1000, 0x41))).ok).toBe(true);
    expect((await storedBytes()) - before).toBe(1000);
    // Deleting it gives the bytes back.
    const removed = await call(api, "documents.delete", {
      cookie: owner.cookie,
      type: "mutation",
      input: { documentId },
    });
    expect(removed.status).toBe(200);
    expect(await storedBytes()).toBe(before);
  });
});

describe("stale uploads", () => {
  it("are swept, row and object, giving their bytes back; finalized uploads stay", async () => {
    const before = await storedBytes();
    const stale = await createUpload("abandoned.txt", 500);
    expect((await put(stale.upload, Buffer.alloc(500, 0x41))).ok).toBe(true);
    const kept = await createUpload("kept.txt", 300);
    expect((await put(kept.upload, Buffer.alloc(300, 0x42))).ok).toBe(true);
    expect((await finalize(kept.documentId)).status).toBe(200);
    expect((await storedBytes()) - before).toBe(800);

    const run = await sweepStaleUploadsNow(api);
    expect(run.status).toBe("succeeded");
    expect(run.result).toMatchObject({ documents: 1, bytes: 500 });
    const gone = await call(api, "documents.byId", {
      cookie: owner.cookie,
      input: { documentId: stale.documentId },
    });
    expect(gone.status).toBe(404);
    expect(await api.deps.storage.head(uploadKeyOf(stale.upload))).toBeNull();
    const stays = await call(api, "documents.byId", {
      cookie: owner.cookie,
      input: { documentId: kept.documentId },
    });
    expect(stays.status).toBe(200);
    expect((await storedBytes()) - before).toBe(300);
    // The abandoned link is dead too: its upload is no longer awaited.
    expect((await put(stale.upload, Buffer.alloc(500, 0x41))).status).toBe(409);
  });
});

describe("presigned uploads are single-use", () => {
  it("refuses a replayed PUT after ingest, and download still serves the validated bytes", async () => {
    const bytes = await fixture("resumes/marcus-lee.txt");
    const { documentId, upload } = await createUpload("replayed.txt", bytes.length);
    expect((await put(upload, bytes)).ok).toBe(true);
    expect((await finalize(documentId)).status).toBe(200);
    expect((await followDocument(api, owner, documentId)).at(-1)?.status).toBe("ready");

    const swapped = Buffer.alloc(bytes.length, 0x5a);
    const replay = await put(upload, swapped);
    expect(replay.status).toBe(409);
    const download = await call(api, "documents.download", {
      cookie: owner.cookie,
      type: "mutation",
      input: { documentId },
    });
    const served = Buffer.from(await (await fetch(download.body.result.data.url)).arrayBuffer());
    expect(served.equals(bytes)).toBe(true);
  });

  it("serves only bytes the worker validated, even where the store lets a replay overwrite the upload", async () => {
    const bytes = await fixture("resumes/marcus-lee.txt");
    const { documentId, upload } = await createUpload("validated.txt", bytes.length);
    expect((await put(upload, bytes)).ok).toBe(true);
    expect((await finalize(documentId)).status).toBe(200);
    expect((await followDocument(api, owner, documentId)).at(-1)?.status).toBe("ready");
    // What a replayed PUT achieves on an S3-compatible store that ignores If-None-Match (s3rver does).
    await api.deps.storage.put(uploadKeyOf(upload), Buffer.alloc(bytes.length, 0x5a), {
      contentType: "text/plain",
    });
    const download = await call(api, "documents.download", {
      cookie: owner.cookie,
      type: "mutation",
      input: { documentId },
    });
    const served = Buffer.from(await (await fetch(download.body.result.data.url)).arrayBuffer());
    expect(served.equals(bytes)).toBe(true);
  });

  it("refuses a second PUT before finalize: the first bytes stand", async () => {
    const { upload } = await createUpload("twice.txt", 64);
    expect((await put(upload, Buffer.alloc(64, 0x41))).ok).toBe(true);
    expect((await put(upload, Buffer.alloc(64, 0x42))).status).toBe(409);
    const stored = await api.deps.storage.get(uploadKeyOf(upload));
    expect(stored.equals(Buffer.alloc(64, 0x41))).toBe(true);
  });

  it("refuses a replayed PUT after delete: no orphan object appears", async () => {
    const bytes = Buffer.from("Ada Lovelace\nAnalyst\n");
    const { documentId, upload } = await createUpload("deleted.txt", bytes.length);
    expect((await put(upload, bytes)).ok).toBe(true);
    const removed = await call(api, "documents.delete", {
      cookie: owner.cookie,
      type: "mutation",
      input: { documentId },
    });
    expect(removed.status).toBe(200);
    const replay = await put(upload, bytes);
    expect(replay.status).toBe(409);
    expect(await api.deps.storage.head(uploadKeyOf(upload))).toBeNull();
    expect(await api.deps.storage.head(originalKey(documentId))).toBeNull();
  });
});

describe("file names", () => {
  it("strips bidirectional and other invisible format characters", async () => {
    // U+202E renders "cv‮fdp.md" as "cvdm.pdf": the name must show what the file is.
    const { documentId } = await createUpload("cv\u202efdp\u200b\u2066.md", 10, "text/markdown");
    const document = await call(api, "documents.byId", { cookie: owner.cookie, input: { documentId } });
    expect(document.body.result.data.filename).toBe("cvfdp.md");
  });
});
