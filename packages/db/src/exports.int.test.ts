import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { codeOf, missingId } from "./documents-fixtures";
import { insertTestWorkspace } from "./identity-fixtures";
import {
  createExport,
  type ExportSource,
  expireExport,
  getExport,
  getJobRun,
  getWorkspaceUsage,
  listExpiredExports,
  markExportFailed,
  markExportReady,
  markExportRunning,
  markJobRunRunning,
  updateJobRunProgress,
  usagePeriodOf,
} from "./index";
import { testDrivers } from "./test-drivers";

const sha = "a".repeat(64);
const limit = 10_000;
const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

describe.each(testDrivers)("exports on $kind", ({ open }) => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await open();
    db = database.handle.db;
    drop = database.drop;
  });
  afterAll(async () => {
    await drop();
  });

  const profileSource: ExportSource = {
    kind: "profile",
    profileId: randomUUID(),
    format: "pdf",
    template: "classic",
  };
  const importSource: ExportSource = {
    kind: "import",
    importId: randomUUID(),
    format: "csv",
    invalidRows: "exclude",
  };

  function create(workspaceId: string, source: ExportSource = profileSource, id = randomUUID()) {
    return createExport(db, {
      id,
      workspaceId,
      createdBy: null,
      source,
      contentType: "application/pdf",
      filename: "resume.pdf",
      ttlSeconds: 3600,
      storedBytesLimit: limit,
      run: { id, name: "exports.render-profile", queue: "exports", payload: { exportId: id } },
      audit: { workspaceId, actorType: "user", actorId: null, action: "exports.create", targetId: id },
    });
  }

  const storedBytes = async (workspaceId: string) =>
    (await getWorkspaceUsage(db, { workspaceId, period: usagePeriodOf(new Date()) })).storedBytes;

  it("records the export, its run and its key under the workspace, for both kinds of source", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const profile = await create(workspace.id);
    expect(profile).toMatchObject({ status: "queued", format: "pdf", template: "classic", importId: null });
    expect(profile.objectKey).toBe(`workspaces/${workspace.id}/exports/${profile.id}/export.pdf`);
    const run = await getJobRun(db, { id: profile.id });
    expect(run).toMatchObject({
      status: "queued",
      workspaceId: workspace.id,
      name: "exports.render-profile",
    });

    const fromImport = await create(workspace.id, importSource);
    expect(fromImport).toMatchObject({
      format: "csv",
      invalidRows: "exclude",
      template: null,
      profileId: null,
    });
  });

  it("refuses a run id that is not the export's, and a format of the other kind of source", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const id = randomUUID();
    const wrongRun = createExport(db, {
      id,
      workspaceId: workspace.id,
      createdBy: null,
      source: profileSource,
      contentType: "application/pdf",
      filename: "resume.pdf",
      ttlSeconds: 60,
      storedBytesLimit: limit,
      run: { id: randomUUID(), name: "exports.render-profile", queue: "exports", payload: {} },
      audit: { workspaceId: workspace.id, actorType: "user", actorId: null, action: "exports.create" },
    });
    expect(await codeOf(wrongRun)).toBe("BAD_REQUEST");
    const mixed = { ...importSource, format: "pdf" } as unknown as ExportSource;
    await expect(create(workspace.id, mixed)).rejects.toThrow();
    expect(await getExport(db, { workspaceId: workspace.id, exportId: id })).toBeUndefined();
    expect(await getJobRun(db, { id })).toBeUndefined();
  });

  it("walks queued → running → ready, reports the run's progress and counts the bytes once", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const record = await create(workspace.id);
    const ref = { workspaceId: workspace.id, exportId: record.id };
    await markJobRunRunning(db, { id: record.id });
    expect(await markExportRunning(db, ref)).toBe(true);
    expect(await markExportRunning(db, ref)).toBe(true);
    await updateJobRunProgress(db, { id: record.id, progress: 40, message: "Rendering" });
    expect(await getExport(db, ref)).toMatchObject({
      status: "running",
      progress: 40,
      progressMessage: "Rendering",
    });

    const before = await storedBytes(workspace.id);
    expect(await markExportReady(db, { ...ref, size: 1234, sha256: sha })).toBe(true);
    expect(await markExportReady(db, { ...ref, size: 1234, sha256: sha })).toBe(false);
    expect(await storedBytes(workspace.id)).toBe(before + 1234);
    const ready = await getExport(db, ref);
    expect(ready).toMatchObject({ status: "ready", size: 1234, sha256: sha, progress: 100, errorCode: null });
    const lifetime = (ready?.expiresAt?.getTime() ?? 0) - (ready?.finishedAt?.getTime() ?? 0);
    expect(lifetime).toBe(3600_000);
    expect(await markExportFailed(db, { ...ref, errorCode: "RENDER_FAILED" })).toBe(false);
    expect(await markExportRunning(db, ref)).toBe(false);
  });

  it("stores a run's infrastructure code as EXPORT_FAILED, and export codes as they are", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const outage = await create(workspace.id);
    const render = await create(workspace.id);
    await markExportFailed(db, {
      workspaceId: workspace.id,
      exportId: outage.id,
      errorCode: "SERVICE_UNAVAILABLE",
    });
    await markExportFailed(db, {
      workspaceId: workspace.id,
      exportId: render.id,
      errorCode: "RENDER_FAILED",
    });
    expect((await getExport(db, { workspaceId: workspace.id, exportId: outage.id }))?.errorCode).toBe(
      "EXPORT_FAILED",
    );
    expect((await getExport(db, { workspaceId: workspace.id, exportId: render.id }))?.errorCode).toBe(
      "RENDER_FAILED",
    );
  });

  it("stores an import export's ledger and refuses one on a profile export", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const fromImport = await create(workspace.id, importSource);
    const ledger = { read: 3, exported: 2, rejectedTotal: 1, empty: 0, duplicates: 0 };
    const ref = { workspaceId: workspace.id, exportId: fromImport.id };
    await markExportRunning(db, ref);
    expect(await markExportReady(db, { ...ref, size: 10, sha256: sha, ledger })).toBe(true);
    expect((await getExport(db, ref))?.ledger).toEqual(ledger);

    const profile = await create(workspace.id);
    const profileRef = { workspaceId: workspace.id, exportId: profile.id };
    await markExportRunning(db, profileRef);
    expect(await codeOf(markExportReady(db, { ...profileRef, size: 1, sha256: sha, ledger }))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(markExportReady(db, { ...profileRef, size: 1, sha256: "xyz" }))).toBe("BAD_REQUEST");
    expect((await getExport(db, profileRef))?.status).toBe("running");
  });

  it("refuses a file past the stored-bytes quota and leaves the export running and nothing counted", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const record = await create(workspace.id);
    const ref = { workspaceId: workspace.id, exportId: record.id };
    await markExportRunning(db, ref);
    const before = await storedBytes(workspace.id);
    expect(await codeOf(markExportReady(db, { ...ref, size: limit + 1, sha256: sha }))).toBe(
      "QUOTA_EXCEEDED",
    );
    expect(await storedBytes(workspace.id)).toBe(before);
    expect(await markExportFailed(db, { ...ref, errorCode: "QUOTA_EXCEEDED" })).toBe(true);
    expect(await getExport(db, ref)).toMatchObject({
      status: "failed",
      errorCode: "QUOTA_EXCEEDED",
      size: null,
    });
  });

  it("treats another workspace's export, a malformed id and a missing one alike", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const { workspace: other } = await insertTestWorkspace(db);
    const record = await create(workspace.id);
    for (const ref of [
      { workspaceId: other.id, exportId: record.id },
      { workspaceId: workspace.id, exportId: "not-a-uuid" },
      { workspaceId: workspace.id, exportId: missingId },
    ]) {
      expect(await getExport(db, ref)).toBeUndefined();
      expect(await markExportRunning(db, ref)).toBe(false);
      expect(await markExportReady(db, { ...ref, size: 1, sha256: sha })).toBe(false);
      expect(await markExportFailed(db, { ...ref, errorCode: "RENDER_FAILED" })).toBe(false);
      expect(await expireExport(db, { ...ref, now: later(7200) })).toBeUndefined();
    }
    expect((await getExport(db, { workspaceId: workspace.id, exportId: record.id }))?.status).toBe("queued");
  });

  it("expires ready and failed exports once due, giving counted bytes back exactly once", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const ready = await create(workspace.id);
    const failed = await create(workspace.id);
    const pending = await create(workspace.id);
    const readyRef = { workspaceId: workspace.id, exportId: ready.id };
    const failedRef = { workspaceId: workspace.id, exportId: failed.id };
    await markExportRunning(db, readyRef);
    await markExportReady(db, { ...readyRef, size: 500, sha256: sha });
    await markExportFailed(db, { ...failedRef, errorCode: "RENDER_FAILED" });
    const counted = await storedBytes(workspace.id);

    expect(await expireExport(db, readyRef)).toBeUndefined();
    const dueNow = (await listExpiredExports(db, { limit: 100 })).map((row) => row.id);
    expect(dueNow).not.toContain(ready.id);

    const due = (await listExpiredExports(db, { now: later(3601), limit: 1000 })).map((row) => row.id);
    expect(due).toEqual(expect.arrayContaining([ready.id, failed.id]));
    expect(due).not.toContain(pending.id);

    expect(await expireExport(db, { ...readyRef, now: later(3601) })).toEqual({
      objectKey: ready.objectKey,
      size: 500,
    });
    expect(await expireExport(db, { ...readyRef, now: later(3601) })).toBeUndefined();
    expect(await expireExport(db, { ...failedRef, now: later(3601) })).toEqual({
      objectKey: failed.objectKey,
      size: 0,
    });
    expect(await storedBytes(workspace.id)).toBe(counted - 500);
    expect(await getExport(db, readyRef)).toMatchObject({ status: "expired", sha256: sha });
    expect(
      await expireExport(db, { workspaceId: workspace.id, exportId: pending.id, now: later(7200) }),
    ).toBeUndefined();
  });
});
