import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import {
  createWorkspaceWithOwner,
  type Database,
  type DocumentRecord,
  insertDocument,
  markDocumentFinalized,
  users,
} from "@vitae/db";
import type { ObjectStore } from "@vitae/storage";

/** Test support: a résumé from the documents package's committed corpus. */
export function resumeFixture(name = "marcus-lee.txt"): Promise<Buffer> {
  return readFile(new URL(`../../../documents/fixtures/resumes/${name}`, import.meta.url));
}

/** Test support: a finalized TXT document in a new workspace, its bytes stored, waiting for ingestion. */
export async function insertFinalizedDocument(db: Database, storage: ObjectStore): Promise<DocumentRecord> {
  const bytes = await resumeFixture();
  const [user] = await db
    .insert(users)
    .values({ email: `j-${randomBytes(5).toString("hex")}@example.com`, name: "Jobs Test" })
    .returning({ id: users.id });
  const workspace = await createWorkspaceWithOwner(db, { name: "Jobs", ownerId: user?.id ?? "" });
  const document = await insertDocument(db, {
    workspaceId: workspace.id,
    uploadedBy: null,
    filename: "marcus-lee.txt",
    contentType: "text/plain",
    size: bytes.length,
  });
  await storage.put(document.storageKey, bytes, { contentType: "text/plain" });
  await markDocumentFinalized(db, { workspaceId: workspace.id, documentId: document.id });
  return document;
}

/** Test support: polls `read` until `isDone` accepts its value; the test timeout bounds the wait. */
export async function waitFor<T>(read: () => Promise<T>, isDone: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
