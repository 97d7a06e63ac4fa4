import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { codeOf, insertTestWorkspaceWithDocument, missingId, sampleProfile } from "./documents-fixtures";
import { insertTestWorkspace } from "./identity-fixtures";
import {
  deleteDocument,
  getDocument,
  getDocumentText,
  getProfileView,
  insertDocument,
  listDocuments,
  markDocumentFailed,
  markDocumentFinalized,
  markDocumentProcessing,
  markDocumentReady,
  reopenDocumentForReingest,
  saveProfile,
} from "./index";
import { documents, education, experiences, profileSkills, profiles, projects, workspaces } from "./schema";
import { testDrivers } from "./test-drivers";

const sha = "a".repeat(64);

describe.each(testDrivers)("documents on $kind", ({ open }) => {
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

  async function ready(workspaceId: string, documentId: string): Promise<void> {
    const ref = { workspaceId, documentId };
    await markDocumentFinalized(db, ref);
    expect(await markDocumentProcessing(db, ref)).toBe(true);
    expect(
      await markDocumentReady(db, {
        ...ref,
        text: "Ada",
        detectedType: "application/pdf",
        sha256: sha,
        pageCount: 2,
      }),
    ).toBe(true);
  }

  it("inserts an upload with the contract's storage key and reads it back", async () => {
    const { workspaceId, ownerId, document } = await insertTestWorkspaceWithDocument(db);
    expect(document).toMatchObject({
      workspaceId,
      uploadedBy: ownerId,
      filename: "resume.pdf",
      contentType: "application/pdf",
      size: 1234,
      status: "uploaded",
      finalizedAt: null,
      profileId: null,
      storageKey: `workspaces/${workspaceId}/documents/${document.id}/original`,
    });
    await expect(getDocument(db, { workspaceId, documentId: document.id })).resolves.toEqual(document);
    await expect(getDocumentText(db, { workspaceId, documentId: document.id })).resolves.toBeNull();
    expect(Object.keys(document)).not.toContain("text");
  });

  it("refuses unknown workspaces and uploaders", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const base = { uploadedBy: null, filename: "a.pdf", contentType: "application/pdf", size: 1 };
    expect(await codeOf(insertDocument(db, { ...base, workspaceId: missingId }))).toBe("NOT_FOUND");
    expect(await codeOf(insertDocument(db, { ...base, workspaceId: "bad" }))).toBe("NOT_FOUND");
    expect(
      await codeOf(insertDocument(db, { ...base, workspaceId: workspace.id, uploadedBy: missingId })),
    ).toBe("NOT_FOUND");
  });

  it("accepts a caller-chosen id and storage key, once", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const id = randomUUID();
    const base = {
      workspaceId: workspace.id,
      uploadedBy: null,
      filename: "a.md",
      contentType: "text/markdown",
      size: 3,
    };
    const document = await insertDocument(db, { ...base, id, storageKey: `custom/${id}` });
    expect(document).toMatchObject({ id, storageKey: `custom/${id}` });
    await expect(getDocument(db, { workspaceId: workspace.id, documentId: id })).resolves.toEqual(document);
    await expect(insertDocument(db, { ...base, id })).rejects.toThrow();
    await expect(insertDocument(db, { ...base, storageKey: `custom/${id}` })).rejects.toThrow();
    expect(await codeOf(insertDocument(db, { ...base, id: "not-a-uuid" }))).toBe("BAD_REQUEST");
  });

  it("walks the lifecycle and refuses every transition out of order", async () => {
    const { workspaceId, document } = await insertTestWorkspaceWithDocument(db);
    const ref = { workspaceId, documentId: document.id };
    const readyParams = {
      ...ref,
      text: "Ada Lovelace",
      detectedType: "application/pdf",
      sha256: sha,
      pageCount: 1,
      warnings: [
        { code: "PROMPT_INJECTION", message: "Left out.", excerpt: "ignore all previous instructions" },
      ],
    };
    // Not finalized: the job must not start, and nothing can complete it.
    expect(await markDocumentProcessing(db, ref)).toBe(false);
    expect(await markDocumentReady(db, readyParams)).toBe(false);

    const finalized = await markDocumentFinalized(db, ref);
    expect(finalized?.status).toBe("uploaded");
    expect(finalized?.finalizedAt).toBeInstanceOf(Date);
    const again = await markDocumentFinalized(db, ref);
    expect(again?.finalizedAt).toEqual(finalized?.finalizedAt);
    expect(await markDocumentReady(db, readyParams)).toBe(false);

    expect(await markDocumentProcessing(db, ref)).toBe(true);
    // A redelivered job may start again while processing.
    expect(await markDocumentProcessing(db, ref)).toBe(true);
    expect(await markDocumentReady(db, readyParams)).toBe(true);
    const done = await getDocument(db, ref);
    expect(done).toMatchObject({
      status: "ready",
      sha256: sha,
      pageCount: 1,
      detectedType: "application/pdf",
      warnings: readyParams.warnings,
    });
    await expect(getDocumentText(db, ref)).resolves.toBe("Ada Lovelace");

    // Ready is final: nothing reopens it but the explicit re-ingest.
    expect(await markDocumentProcessing(db, ref)).toBe(false);
    expect(await markDocumentFailed(db, { ...ref, errorCode: "PARSE_FAILED", errorMessage: "x" })).toBe(
      false,
    );
    expect(await markDocumentReady(db, readyParams)).toBe(false);
    expect((await markDocumentFinalized(db, ref))?.status).toBe("ready");
    expect((await getDocument(db, ref))?.status).toBe("ready");

    expect(await reopenDocumentForReingest(db, { ...ref, runId: randomUUID() })).toBe(true);
    const reopened = await getDocument(db, ref);
    expect(reopened).toMatchObject({
      status: "uploaded",
      sha256: null,
      pageCount: null,
      detectedType: null,
      warnings: [],
    });
    expect(reopened?.finalizedAt).toEqual(finalized?.finalizedAt);
    await expect(getDocumentText(db, ref)).resolves.toBeNull();
    expect(await reopenDocumentForReingest(db, { ...ref, runId: randomUUID() })).toBe(false);
    expect(await markDocumentProcessing(db, ref)).toBe(true);
  });

  it("fails once, keeps the first error and refuses later success", async () => {
    const { workspaceId, document } = await insertTestWorkspaceWithDocument(db);
    const ref = { workspaceId, documentId: document.id };
    await markDocumentFinalized(db, ref);
    expect(
      await markDocumentFailed(db, { ...ref, errorCode: "STORAGE_MISSING", errorMessage: "No file." }),
    ).toBe(true);
    expect(await markDocumentFailed(db, { ...ref, errorCode: "PARSE_FAILED", errorMessage: "Other." })).toBe(
      false,
    );
    expect(await markDocumentProcessing(db, ref)).toBe(false);
    expect(
      await markDocumentReady(db, {
        ...ref,
        text: "t",
        detectedType: "text/plain",
        sha256: sha,
        pageCount: null,
      }),
    ).toBe(false);
    expect(await getDocument(db, ref)).toMatchObject({
      status: "failed",
      errorCode: "STORAGE_MISSING",
      errorMessage: "No file.",
    });
    expect(await reopenDocumentForReingest(db, { ...ref, runId: randomUUID() })).toBe(true);
    expect(await getDocument(db, ref)).toMatchObject({
      status: "uploaded",
      errorCode: null,
      errorMessage: null,
    });
  });

  it("rejects malformed extraction results before writing", async () => {
    const { workspaceId, document } = await insertTestWorkspaceWithDocument(db);
    const ref = { workspaceId, documentId: document.id };
    await markDocumentFinalized(db, ref);
    await markDocumentProcessing(db, ref);
    const base = { ...ref, text: "t", detectedType: "text/plain" };
    expect(() => markDocumentReady(db, { ...base, sha256: "ABC", pageCount: 1 })).toThrow();
    expect(() => markDocumentReady(db, { ...base, sha256: sha, pageCount: -1 })).toThrow();
    expect((await getDocument(db, ref))?.status).toBe("processing");
  });

  it("treats another workspace's document exactly like a missing one, in every function", async () => {
    const { document } = await insertTestWorkspaceWithDocument(db);
    const { workspace: other } = await insertTestWorkspace(db);
    for (const documentId of [document.id, missingId, "not-a-uuid"]) {
      const ref = { workspaceId: other.id, documentId };
      await expect(getDocument(db, ref)).resolves.toBeUndefined();
      await expect(getDocumentText(db, ref)).resolves.toBeUndefined();
      await expect(markDocumentFinalized(db, ref)).resolves.toBeUndefined();
      await expect(markDocumentProcessing(db, ref)).resolves.toBe(false);
      await expect(markDocumentFailed(db, { ...ref, errorCode: "X", errorMessage: "x" })).resolves.toBe(
        false,
      );
      await expect(reopenDocumentForReingest(db, { ...ref, runId: randomUUID() })).resolves.toBe(false);
      expect(await codeOf(deleteDocument(db, ref))).toBe("NOT_FOUND");
    }
    expect((await listDocuments(db, { workspaceId: other.id })).items).toEqual([]);
    await expect(listDocuments(db, { workspaceId: "bad" })).resolves.toEqual({ items: [], nextCursor: null });
    // The owner's document was not touched by any of the above.
    const untouched = await getDocument(db, { workspaceId: document.workspaceId, documentId: document.id });
    expect(untouched).toMatchObject({ status: "uploaded", finalizedAt: null });
  });

  it("shows the profile id once a profile is saved", async () => {
    const { workspaceId, document } = await insertTestWorkspaceWithDocument(db);
    const profileId = await saveProfile(db, {
      workspaceId,
      documentId: document.id,
      profile: sampleProfile(),
      parser: "heuristic",
      parserVersion: "1",
    });
    expect((await getDocument(db, { workspaceId, documentId: document.id }))?.profileId).toBe(profileId);
    expect((await listDocuments(db, { workspaceId })).items[0]?.profileId).toBe(profileId);
  });

  it("deletes a document with its profile and every fact, returning the storage key", async () => {
    const { workspaceId, document } = await insertTestWorkspaceWithDocument(db);
    const { document: kept } = await insertTestWorkspaceWithDocument(db);
    await ready(workspaceId, document.id);
    await ready(kept.workspaceId, kept.id);
    const profile = { profile: sampleProfile(), parser: "llm" as const, parserVersion: "2" };
    const profileId = await saveProfile(db, { workspaceId, documentId: document.id, ...profile });
    const keptProfileId = await saveProfile(db, {
      workspaceId: kept.workspaceId,
      documentId: kept.id,
      ...profile,
    });

    const deleted = await deleteDocument(db, { workspaceId, documentId: document.id });
    expect(deleted).toEqual({
      id: document.id,
      filename: "resume.pdf",
      storageKeys: [document.storageKey],
      size: 1234,
      finalizedAt: expect.any(Date),
    });
    await expect(getDocument(db, { workspaceId, documentId: document.id })).resolves.toBeUndefined();
    await expect(getProfileView(db, { workspaceId, profileId })).resolves.toBeUndefined();
    for (const table of [profiles, experiences, education, projects, profileSkills]) {
      await expect(db.$count(table, eq(table.workspaceId, workspaceId))).resolves.toBe(0);
    }
    expect(await codeOf(deleteDocument(db, { workspaceId, documentId: document.id }))).toBe("NOT_FOUND");
    // Another workspace's data is untouched.
    const survivor = await getProfileView(db, { workspaceId: kept.workspaceId, profileId: keptProfileId });
    expect(survivor?.experiences).toHaveLength(2);
  });

  it("goes with its workspace", async () => {
    const { workspaceId, document } = await insertTestWorkspaceWithDocument(db);
    await saveProfile(db, {
      workspaceId,
      documentId: document.id,
      profile: sampleProfile(),
      parser: "heuristic",
      parserVersion: "1",
    });
    await db.delete(workspaces).where(eq(workspaces.id, workspaceId));
    await expect(db.$count(documents, eq(documents.id, document.id))).resolves.toBe(0);
    await expect(db.$count(experiences, eq(experiences.workspaceId, workspaceId))).resolves.toBe(0);
  });
});
