import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { codeOf, insertTestDocument } from "./documents-fixtures";
import { insertTestWorkspace } from "./identity-fixtures";
import {
  type DocumentRecord,
  deleteDocument,
  listDocuments,
  listStaleUploadedDocuments,
  markDocumentFinalized,
} from "./index";
import { documents } from "./schema";
import { testDrivers } from "./test-drivers";

describe.each(testDrivers)("document listings on $kind", ({ open }) => {
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

  it("pages newest first with a keyset cursor, stable while new uploads arrive", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const created: DocumentRecord[] = [];
    for (let i = 0; i < 7; i++) {
      const document = await insertTestDocument(db, workspace.id, { filename: `cv-${i}.pdf` });
      // Distinct, known times (two share one to exercise the id tie-break).
      const at = new Date(Date.UTC(2001, 0, 1, 0, 0, i === 6 ? 5 : i));
      await db.update(documents).set({ createdAt: at }).where(eq(documents.id, document.id));
      created.push(document);
    }
    const { workspace: other } = await insertTestWorkspace(db);
    await insertTestDocument(db, other.id);

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await listDocuments(db, { workspaceId: workspace.id, limit: 3, cursor });
      expect(result.items.length).toBeLessThanOrEqual(3);
      seen.push(...result.items.map((item) => item.id));
      // Newer than every cursor: it must not appear on later pages.
      if (page === 0) await insertTestDocument(db, workspace.id);
      if (result.nextCursor === null) break;
      cursor = result.nextCursor;
    }
    const expected = [...created]
      .map((document, i) => ({ id: document.id, second: i === 6 ? 5 : i }))
      .sort((a, b) => b.second - a.second || (a.id < b.id ? 1 : -1))
      .map((entry) => entry.id);
    expect(seen).toEqual(expected);
    expect(await codeOf(listDocuments(db, { workspaceId: workspace.id, cursor: "nonsense" }))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(listDocuments(db, { workspaceId: workspace.id, limit: 0 }))).toBe("BAD_REQUEST");
    expect(await codeOf(listDocuments(db, { workspaceId: workspace.id, limit: 101 }))).toBe("BAD_REQUEST");
  });

  it("lists stale unfinalized uploads and deletes them only while still unfinalized", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const stale = await insertTestDocument(db, workspace.id);
    const finalized = await insertTestDocument(db, workspace.id);
    const fresh = await insertTestDocument(db, workspace.id);
    const old = new Date(Date.UTC(2000, 0, 1));
    for (const id of [stale.id, finalized.id]) {
      await db.update(documents).set({ createdAt: old }).where(eq(documents.id, id));
    }
    await markDocumentFinalized(db, { workspaceId: workspace.id, documentId: finalized.id });

    const cutoff = new Date(Date.UTC(2001, 0, 1));
    const listed = await listStaleUploadedDocuments(db, { olderThan: cutoff, limit: 100 });
    const ids = listed.map((row) => row.id);
    expect(ids).toContain(stale.id);
    expect(ids).not.toContain(finalized.id);
    expect(ids).not.toContain(fresh.id);
    expect(listed.find((row) => row.id === stale.id)).toEqual({
      id: stale.id,
      workspaceId: workspace.id,
      storageKey: stale.storageKey,
      createdAt: old,
    });

    // A finalize that won the race keeps its row.
    expect(
      await codeOf(
        deleteDocument(db, { workspaceId: workspace.id, documentId: finalized.id, onlyIfUnfinalized: true }),
      ),
    ).toBe("NOT_FOUND");
    const removed = await deleteDocument(db, {
      workspaceId: workspace.id,
      documentId: stale.id,
      onlyIfUnfinalized: true,
    });
    expect(removed).toMatchObject({ storageKeys: [stale.storageKey], finalizedAt: null });
    expect(
      (await listStaleUploadedDocuments(db, { olderThan: cutoff, limit: 100 })).map((row) => row.id),
    ).not.toContain(stale.id);
  });
});
