import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { codeOf } from "./documents-fixtures";
import { insertTestWorkspace } from "./identity-fixtures";
import {
  createDocumentUpload,
  createVoiceUploadRecord,
  deleteDocument,
  finalizeDocumentUpload,
  getDocument,
  getJobRun,
  getWorkspaceUsage,
  takeVoiceUpload,
  uploadStateOf,
  usagePeriodOf,
} from "./index";
import { testDrivers } from "./test-drivers";

describe.each(testDrivers)("upload integrity on $kind", ({ open }) => {
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

  const storedBytes = async (workspaceId: string) =>
    (await getWorkspaceUsage(db, { workspaceId, period: usagePeriodOf(new Date()) })).storedBytes;

  async function upload(workspaceId: string, size: number, storedBytesLimit = 10_000) {
    const id = randomUUID();
    return createDocumentUpload(db, {
      id,
      workspaceId,
      uploadedBy: null,
      filename: "cv.txt",
      contentType: "text/plain",
      size,
      uploadKey: `workspaces/${workspaceId}/documents/${id}/upload`,
      storedBytesLimit,
    });
  }

  it("reserves the declared size with the row, and a refused reservation leaves neither", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const document = await upload(workspace.id, 600, 1000);
    expect(await storedBytes(workspace.id)).toBe(600);
    expect(await codeOf(upload(workspace.id, 500, 1000))).toBe("QUOTA_EXCEEDED");
    expect(await storedBytes(workspace.id)).toBe(600);
    expect(await uploadStateOf(db, { storageKey: document.uploadKey ?? "" })).toBe("awaited");
    await deleteDocument(db, { workspaceId: workspace.id, documentId: document.id });
    expect(await storedBytes(workspace.id)).toBe(0);
    expect(await uploadStateOf(db, { storageKey: document.uploadKey ?? "" })).toBe("absent");
  });

  it("finalizes once under concurrency: one winner, one ingest run, bytes unchanged", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const document = await upload(workspace.id, 700);
    const ingestRun = {
      id: document.id,
      name: "documents.ingest",
      queue: "documents",
      workspaceId: workspace.id,
      payload: { documentId: document.id },
      maxAttempts: 3,
    };
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () =>
        finalizeDocumentUpload(db, { workspaceId: workspace.id, documentId: document.id, ingestRun }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome?.isFirst)).toHaveLength(1);
    expect((await getJobRun(db, { id: document.id }))?.status).toBe("queued");
    expect(await storedBytes(workspace.id)).toBe(700);
    expect(
      (await getDocument(db, { workspaceId: workspace.id, documentId: document.id }))?.finalizedAt,
    ).not.toBe(null);
    expect(await uploadStateOf(db, { storageKey: document.uploadKey ?? "" })).toBe("closed");
    expect(
      await finalizeDocumentUpload(db, { workspaceId: workspace.id, documentId: randomUUID(), ingestRun }),
    ).toBeUndefined();
  });

  it("takes a voice upload exactly once, giving its bytes back", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const id = `2026120607-${randomUUID()}`;
    const storageKey = `voice-questions/2026120607/${workspace.id}/${id}.wav`;
    await createVoiceUploadRecord(db, {
      id,
      workspaceId: workspace.id,
      storageKey,
      size: 900,
      storedBytesLimit: 1000,
    });
    expect(await storedBytes(workspace.id)).toBe(900);
    expect(await uploadStateOf(db, { storageKey })).toBe("awaited");
    const taken = await Promise.all([
      takeVoiceUpload(db, { workspaceId: workspace.id, id }),
      takeVoiceUpload(db, { workspaceId: workspace.id, id }),
    ]);
    expect(taken.filter((record) => record !== undefined)).toHaveLength(1);
    expect(await storedBytes(workspace.id)).toBe(0);
    expect(await uploadStateOf(db, { storageKey })).toBe("absent");
  });
});
