import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { insertTestDocument, sampleProfile } from "./documents-fixtures";
import { insertTestWorkspace } from "./identity-fixtures";
import {
  listDocuments,
  markDocumentFinalized,
  markDocumentProcessing,
  markDocumentReady,
  type Profile,
  saveProfile,
} from "./index";
import { documents } from "./schema";
import { testDrivers } from "./test-drivers";

const shaOf = (digit: string) => digit.repeat(64);

describe.each(testDrivers)("people in the document listing on $kind", ({ open }) => {
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

  /** A ready document with `profile`, created at second `second` of 2001 (so the order is known). */
  async function person(
    workspaceId: string,
    values: { filename: string; sha: string; second: number; profile: Profile; type?: string },
  ): Promise<string> {
    const document = await insertTestDocument(db, workspaceId, { filename: values.filename });
    const ref = { workspaceId, documentId: document.id };
    await markDocumentFinalized(db, ref);
    await markDocumentProcessing(db, ref);
    await markDocumentReady(db, {
      ...ref,
      text: "",
      detectedType: values.type ?? "application/pdf",
      sha256: values.sha,
      pageCount: 1,
    });
    await saveProfile(db, { ...ref, profile: values.profile, parser: "heuristic", parserVersion: "t" });
    await db
      .update(documents)
      .set({ createdAt: new Date(Date.UTC(2001, 0, 1, 0, 0, values.second)) })
      .where(eq(documents.id, document.id));
    return document.id;
  }

  it("names the person and current role, searches names, roles, skills and files, and filters", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const ada = await person(workspace.id, {
      filename: "ada.pdf",
      sha: shaOf("a"),
      second: 1,
      profile: sampleProfile(),
    });
    const grace = await person(workspace.id, {
      filename: "grace-cv.docx",
      sha: shaOf("b"),
      second: 2,
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      profile: sampleProfile({
        name: "Grace Hopper",
        headline: "Admiral",
        contact: { email: "grace@example.com", phone: null, location: null, links: [] },
        experiences: [
          {
            company: "US Navy",
            title: "Rear Admiral",
            start: "1967-08",
            end: "1986-08",
            location: null,
            bullets: ["Standardised COBOL compilers"],
            technologies: [],
          },
        ],
        skills: [{ name: "COBOL", category: "language", raw: "COBOL" }],
      }),
    });
    const pending = await insertTestDocument(db, workspace.id, { filename: "pending.txt" });
    const { workspace: other } = await insertTestWorkspace(db);
    await person(other.id, { filename: "other.pdf", sha: shaOf("c"), second: 3, profile: sampleProfile() });

    const all = await listDocuments(db, { workspaceId: workspace.id });
    expect(all.items.map((item) => item.id)).toEqual([pending.id, grace, ada]);
    expect(all.items.find((item) => item.id === ada)?.person).toEqual({
      name: "Ada Lovelace",
      title: "Staff Engineer",
      company: "Analytical Engines Ltd",
    });
    expect(all.items.find((item) => item.id === pending.id)?.person).toBeNull();

    const ids = async (params: Omit<Parameters<typeof listDocuments>[1], "workspaceId">) =>
      (await listDocuments(db, { workspaceId: workspace.id, ...params })).items.map((item) => item.id);
    expect(await ids({ query: "lovelace" })).toEqual([ada]);
    expect(await ids({ query: "navy" })).toEqual([grace]);
    expect(await ids({ query: "cobol" })).toEqual([grace]);
    expect(await ids({ query: "kubernetes" })).toEqual([ada]);
    expect(await ids({ query: "pending" })).toEqual([pending.id]);
    expect(await ids({ query: "   " })).toEqual([pending.id, grace, ada]);
    // Punctuation only: no searchable words, so nothing (never an error).
    expect(await ids({ query: "!!! & | :*" })).toEqual([]);
    expect(await ids({ statuses: ["uploaded"] })).toEqual([pending.id]);
    expect(await ids({ kinds: ["docx"] })).toEqual([grace]);
    expect(await ids({ kinds: ["pdf"], statuses: ["ready"] })).toEqual([ada]);
    // Another workspace's person is never found.
    expect(await ids({ query: "lovelace", kinds: ["pdf"] })).toEqual([ada]);
  });

  it("pages a search with the keyset cursor", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push(
        await person(workspace.id, {
          filename: `cv-${i}.pdf`,
          sha: shaOf(String(i)),
          second: i,
          profile: sampleProfile({
            contact: { email: `p${i}@example.com`, phone: null, location: null, links: [] },
          }),
        }),
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const result = await listDocuments(db, {
        workspaceId: workspace.id,
        query: "kubernetes",
        limit: 2,
        cursor,
      });
      seen.push(...result.items.map((item) => item.id));
      if (result.nextCursor === null) break;
      cursor = result.nextCursor;
    }
    expect(seen).toEqual([...made].reverse());
  });

  it("warns of the same file or the same email uploaded before, never across workspaces", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const first = await person(workspace.id, {
      filename: "ada.pdf",
      sha: shaOf("1"),
      second: 1,
      profile: sampleProfile(),
    });
    const sameFile = await person(workspace.id, {
      filename: "ada-again.pdf",
      sha: shaOf("1"),
      second: 2,
      profile: sampleProfile({ contact: { email: null, phone: null, location: null, links: [] } }),
    });
    const sameEmail = await person(workspace.id, {
      filename: "ada-2024.pdf",
      sha: shaOf("2"),
      second: 3,
      profile: sampleProfile({
        contact: { email: "ADA@example.com", phone: null, location: null, links: [] },
      }),
    });
    const stranger = await person(workspace.id, {
      filename: "bob.pdf",
      sha: shaOf("3"),
      second: 4,
      profile: sampleProfile({
        name: "Ada Lovelace",
        contact: { email: "bob@example.com", phone: null, location: null, links: [] },
      }),
    });
    const { workspace: other } = await insertTestWorkspace(db);
    const elsewhere = await person(other.id, {
      filename: "a.pdf",
      sha: shaOf("1"),
      second: 5,
      profile: sampleProfile(),
    });

    const { items } = await listDocuments(db, { workspaceId: workspace.id });
    const duplicateOf = (id: string) => items.find((item) => item.id === id)?.duplicateOf;
    expect(duplicateOf(sameFile)).toEqual({ documentId: first, filename: "ada.pdf", reason: "same-file" });
    expect(duplicateOf(sameEmail)).toEqual({ documentId: first, filename: "ada.pdf", reason: "same-email" });
    // The first upload points at the later copy, so both rows say so.
    expect(duplicateOf(first)?.documentId).toBe(sameFile);
    // The same name alone is not the same person.
    expect(duplicateOf(stranger)).toBeNull();
    const otherItems = await listDocuments(db, { workspaceId: other.id });
    expect(otherItems.items.find((item) => item.id === elsewhere)?.duplicateOf).toBeNull();
  });
});
