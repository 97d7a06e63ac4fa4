import { createHash, randomUUID } from "node:crypto";
import { exportContentTypes } from "@vitae/contracts";
import { createExport, getExport, getWorkspaceUsage, usagePeriodOf } from "@vitae/db";
import { prepareJobRun, renderProfileExportJob, sweepExpiredExportsJob } from "@vitae/queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, followDocument, settledRun, uploadDocument } from "./documents";
import { exportProfile, settledExport } from "./exports";
import { startTestApi, type TestApi } from "./harness";
import { call, createKey, createWorkspace, signUp, type TestUser } from "./identity";

let api: TestApi;
let owner: TestUser;
let stranger: TestUser;
let workspaceId: string;
let profileId: string;

beforeAll(async () => {
  api = await startTestApi({ env: { RATE_LIMIT_UPLOAD_FREE: "1000/1h" } });
  owner = await signUp(api, "Exporter");
  workspaceId = await createWorkspace(api, owner, "Export Co");
  stranger = await signUp(api, "Stranger");
  await createWorkspace(api, stranger, "Elsewhere");
  const documentId = await uploadDocument(api, owner, "marcus.txt", await fixture("resumes/marcus-lee.txt"));
  profileId = (await followDocument(api, owner, documentId)).at(-1)?.profileId ?? "";
  expect(profileId).not.toBe("");
});
afterAll(async () => {
  await api?.cleanup();
});

const storedBytes = async () =>
  (await getWorkspaceUsage(api.deps.db, { workspaceId, period: usagePeriodOf(new Date()) })).storedBytes;

/** An export recorded straight in the database (a template or profile the API would refuse), then run. */
async function runRawExport(options: {
  profileId: string;
  template: string;
  ttlSeconds?: number;
  storedBytesLimit?: number;
}) {
  const exportId = randomUUID();
  const run = { jobRunId: exportId, workspaceId };
  await createExport(api.deps.db, {
    id: exportId,
    workspaceId,
    createdBy: owner.userId,
    source: { kind: "profile", profileId: options.profileId, format: "pdf", template: options.template },
    contentType: exportContentTypes.pdf,
    filename: "resume.pdf",
    ttlSeconds: options.ttlSeconds ?? 3600,
    storedBytesLimit: options.storedBytesLimit ?? 1_000_000_000,
    run: prepareJobRun(renderProfileExportJob, { exportId }, run),
    audit: { workspaceId, actorType: "user", actorId: owner.userId, action: "exports.create" },
  });
  await api.deps.queue.enqueue(renderProfileExportJob, { exportId }, run);
  return exportId;
}

describe("exports: a profile as HTML, PDF and DOCX", () => {
  it.each([
    ["html", "classic", "<!doctype html"],
    ["pdf", "modern", "%PDF-"],
    ["docx", "classic", "PK"],
  ])(
    "renders %s (%s) in the worker and serves it as an attachment of its type",
    async (format, template, magic) => {
      const before = await storedBytes();
      const exportId = await exportProfile(api, owner, { profileId, format, template });
      const ready = await settledExport(api, owner, exportId);
      expect(ready).toMatchObject({
        id: exportId,
        status: "ready",
        format,
        source: { kind: "profile", profileId, template },
        contentType: exportContentTypes[format as keyof typeof exportContentTypes],
        progress: 100,
        error: null,
        ledger: null,
      });
      expect(ready.filename).toBe(`resume-marcus-lee.${format}`);
      expect(new Date(ready.expiresAt).getTime() - Date.now()).toBeGreaterThan(3500_000);
      expect(ready.download.url).toContain(`/storage/workspaces/${workspaceId}/exports/${exportId}/`);

      const response = await fetch(ready.download.url);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(ready.contentType);
      expect(response.headers.get("content-disposition")).toMatch(
        new RegExp(`^attachment; filename="?resume-marcus-lee\\.${format}"?(;|$)`),
      );
      expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, magic.length).toString("latin1").toLowerCase()).toBe(magic.toLowerCase());
      expect(bytes.length).toBe(ready.size);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(ready.sha256);
      if (format === "html") {
        expect(bytes.toString("utf8")).toContain('http-equiv="Content-Security-Policy"');
        expect(bytes.toString("utf8")).toContain("Marcus");
      }
      expect(await storedBytes()).toBe(before + bytes.length);
    },
  );

  it("audits each export with its profile, format and template", async () => {
    const audit = await call(api, "audit.list", {
      cookie: owner.cookie,
      input: { action: "exports.create" },
    });
    const items = audit.body.result.data.items as Array<{ metadata: Record<string, unknown> }>;
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.map((item) => item.metadata.format)).toEqual(
      expect.arrayContaining(["html", "pdf", "docx"]),
    );
    expect(items[0]?.metadata).toMatchObject({ profileId });
  });

  it("refuses an unknown format or template (400) and a missing profile (404)", async () => {
    for (const input of [
      { profileId, format: "rtf" },
      { profileId, format: "pdf", template: "fancy" },
      { profileId: "not-a-uuid", format: "pdf" },
    ]) {
      const refused = await call(api, "exports.create", { cookie: owner.cookie, type: "mutation", input });
      expect(refused.status).toBe(400);
    }
    const missing = await call(api, "exports.create", {
      cookie: owner.cookie,
      type: "mutation",
      input: { profileId: randomUUID(), format: "pdf" },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.data.code).toBe("NOT_FOUND");
  });

  it("hides one workspace's profiles and exports from another", async () => {
    const exportId = await exportProfile(api, owner, { profileId, format: "html" });
    await settledExport(api, owner, exportId);
    const create = await call(api, "exports.create", {
      cookie: stranger.cookie,
      type: "mutation",
      input: { profileId, format: "pdf" },
    });
    expect(create.body.error.data.code).toBe("NOT_FOUND");
    const read = await call(api, "exports.byId", { cookie: stranger.cookie, input: { exportId } });
    expect(read.status).toBe(404);
    expect(read.body.error.data.code).toBe("NOT_FOUND");
  });

  it("lets an API key read an export only with the read scope of its source", async () => {
    const exportId = await exportProfile(api, owner, { profileId, format: "html" });
    await settledExport(api, owner, exportId);
    const reader = await createKey(api, owner, ["workspace:read", "documents:read"]);
    const hrOnly = await createKey(api, owner, ["workspace:read", "imports:read"]);
    expect((await call(api, "exports.byId", { key: reader.key, input: { exportId } })).status).toBe(200);
    const hidden = await call(api, "exports.byId", { key: hrOnly.key, input: { exportId } });
    expect(hidden.body.error.data.code).toBe("NOT_FOUND");
  });
});

describe("exports: failures", () => {
  it("fails with RENDER_FAILED when the renderer refuses (a template this build no longer has)", async () => {
    const before = await storedBytes();
    const exportId = await runRawExport({ profileId, template: "retired" });
    const failed = await settledExport(api, owner, exportId);
    expect(failed).toMatchObject({ status: "failed", size: null, progress: 100 });
    expect(failed.error).toEqual({
      code: "RENDER_FAILED",
      message: expect.stringMatching(/could not be produced/),
    });
    expect(failed.download).toBeUndefined();
    expect((await api.deps.queue.getJobStatus(exportId)).status).toBe("succeeded");
    expect(await storedBytes()).toBe(before);
  });

  it("fails with QUOTA_EXCEEDED when the file does not fit the plan's storage, deleting the file", async () => {
    const before = await storedBytes();
    const exportId = await runRawExport({ profileId, template: "classic", storedBytesLimit: before + 100 });
    const failed = await settledExport(api, owner, exportId);
    expect(failed).toMatchObject({ status: "failed", size: null, error: { code: "QUOTA_EXCEEDED" } });
    const record = await getExport(api.deps.db, { workspaceId, exportId });
    expect(await api.deps.storage.head(record?.objectKey ?? "")).toBeNull();
    expect(await storedBytes()).toBe(before);
  });

  it("fails with SOURCE_MISSING when the profile is gone by the time the worker runs", async () => {
    const exportId = await runRawExport({ profileId: randomUUID(), template: "classic" });
    const failed = await settledExport(api, owner, exportId);
    expect(failed).toMatchObject({ status: "failed", error: { code: "SOURCE_MISSING" } });
  });
});

describe("exports: expiry", () => {
  it("reports an export past its lifetime as expired at once, and the sweep deletes its file and gives its bytes back", async () => {
    const before = await storedBytes();
    const exportId = await runRawExport({ profileId, template: "classic", ttlSeconds: 1 });
    const ready = await settledExport(api, owner, exportId);
    const record = await getExport(api.deps.db, { workspaceId, exportId });
    expect(record?.status).toBe("ready");
    expect(await api.deps.storage.head(record?.objectKey ?? "")).not.toBeNull();
    expect(await storedBytes()).toBe(before + (record?.size ?? 0));
    expect(ready.status).toBe("ready");
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const expired = await call(api, "exports.byId", { cookie: owner.cookie, input: { exportId } });
    expect(expired.body.result.data).toMatchObject({
      status: "expired",
      size: null,
      error: { code: "EXPORT_EXPIRED", message: expect.stringMatching(/expired/) },
    });
    expect(expired.body.result.data.download).toBeUndefined();

    const { jobRunId } = await api.deps.queue.enqueue(sweepExpiredExportsJob, {});
    const swept = await settledRun(api, jobRunId);
    expect(swept.status).toBe("succeeded");
    expect(await api.deps.storage.head(record?.objectKey ?? "")).toBeNull();
    expect((await getExport(api.deps.db, { workspaceId, exportId }))?.status).toBe("expired");
    expect(await storedBytes()).toBe(before);

    // A second pass finds nothing more to give back.
    await settledRun(api, (await api.deps.queue.enqueue(sweepExpiredExportsJob, {})).jobRunId);
    expect(await storedBytes()).toBe(before);
    const after = await call(api, "exports.byId", { cookie: owner.cookie, input: { exportId } });
    expect(after.body.result.data).toMatchObject({ status: "expired", error: { code: "EXPORT_EXPIRED" } });
  });
});
