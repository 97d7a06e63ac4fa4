import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { insertTestWorkspaceWithDocument } from "./documents-fixtures";
import {
  failJobRun,
  getDocument,
  insertJobRun,
  markDocumentFailed,
  markDocumentFinalized,
  markDocumentProcessing,
  markJobRunRunning,
  reopenDocumentForReingest,
  requeueJobRun,
} from "./index";
import { testDrivers } from "./test-drivers";

describe.each(testDrivers)("a document and its ingest runs on $kind", ({ open }) => {
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

  async function processingDocument() {
    const { workspaceId, document } = await insertTestWorkspaceWithDocument(db);
    const ref = { workspaceId, documentId: document.id };
    await markDocumentFinalized(db, ref);
    await markDocumentProcessing(db, ref);
    // The first run is named after the document.
    expect(document.currentRunId).toBe(document.id);
    const run = await insertJobRun(db, {
      id: document.id,
      name: "documents.ingest",
      queue: "documents",
      payload: { documentId: document.id },
      workspaceId,
      maxAttempts: 3,
    });
    return { ref, run };
  }

  it("refuses to reopen a document while its current run is queued or running", async () => {
    const { ref, run } = await processingDocument();
    await markDocumentFailed(db, { ...ref, errorCode: "PARSE_FAILED", errorMessage: "x" });

    expect(await reopenDocumentForReingest(db, { ...ref, runId: randomUUID() })).toBe(false);
    await markJobRunRunning(db, { id: run.id });
    expect(await reopenDocumentForReingest(db, { ...ref, runId: randomUUID() })).toBe(false);

    await failJobRun(db, { id: run.id, errorCode: "INTERNAL", errorMessage: "x" });
    const next = randomUUID();
    expect(await reopenDocumentForReingest(db, { ...ref, runId: next })).toBe(true);
    expect(await getDocument(db, ref)).toMatchObject({ status: "uploaded", currentRunId: next });
  });

  it("lets only the current run fail the document", async () => {
    const { ref } = await processingDocument();
    const stale = { ...ref, errorCode: "INTERNAL", errorMessage: "x", runId: randomUUID() };
    expect(await markDocumentFailed(db, stale)).toBe(false);
    expect((await getDocument(db, ref))?.status).toBe("processing");
    expect(await markDocumentFailed(db, { ...stale, runId: ref.documentId })).toBe(true);
    expect(await getDocument(db, ref)).toMatchObject({ status: "failed", errorCode: "INTERNAL" });
  });

  it("hands an abandoned running run back to the queue, keeping its attempts", async () => {
    const { run } = await processingDocument();
    await markJobRunRunning(db, { id: run.id });
    expect(await requeueJobRun(db, { id: run.id })).toBe(true);
    expect(await requeueJobRun(db, { id: run.id })).toBe(false);
    expect((await markJobRunRunning(db, { id: run.id }))?.attempts).toBe(2);
  });
});
