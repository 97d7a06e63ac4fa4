import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestProfile } from "./chat-fixtures";
import type { Database } from "./database";
import { codeOf, insertTestWorkspaceWithDocument, missingId } from "./documents-fixtures";
import {
  deleteJobPosting,
  getJobPosting,
  getProfileVersion,
  insertJobPosting,
  listJobPostings,
  updateProfile,
} from "./index";
import { testDrivers } from "./test-drivers";

const requirement = {
  id: "r1",
  kind: "skill",
  weight: "must",
  text: "Go",
  canonical: "Go",
  span: { start: 0, end: 2 },
};

describe.each(testDrivers)("job postings on $kind", ({ open }) => {
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

  const posting = (workspaceId: string, createdBy: string, title: string) =>
    insertJobPosting(db, {
      workspaceId,
      createdBy,
      title,
      company: "Acme",
      text: "Go and Kubernetes",
      requirements: [requirement],
      extractorVersion: "match-1",
    });

  it("stores the text and requirements and reads them back in their workspace only", async () => {
    const { workspaceId, ownerId } = await insertTestWorkspaceWithDocument(db);
    const other = await insertTestWorkspaceWithDocument(db);
    const created = await posting(workspaceId, ownerId, "Backend");
    expect(created).toMatchObject({ title: "Backend", requirementCount: 1, extractorVersion: "match-1" });
    await expect(getJobPosting(db, { workspaceId, postingId: created.id })).resolves.toMatchObject({
      text: "Go and Kubernetes",
      requirements: [requirement],
    });
    await expect(
      getJobPosting(db, { workspaceId: other.workspaceId, postingId: created.id }),
    ).resolves.toBeUndefined();
    await expect(getJobPosting(db, { workspaceId, postingId: "not-a-uuid" })).resolves.toBeUndefined();
    expect(
      await codeOf(deleteJobPosting(db, { workspaceId: other.workspaceId, postingId: created.id })),
    ).toBe("NOT_FOUND");
    await expect(deleteJobPosting(db, { workspaceId, postingId: created.id })).resolves.toMatchObject({
      id: created.id,
    });
    expect(await codeOf(deleteJobPosting(db, { workspaceId, postingId: created.id }))).toBe("NOT_FOUND");
    expect(await codeOf(deleteJobPosting(db, { workspaceId, postingId: missingId }))).toBe("NOT_FOUND");
  });

  it("lists a workspace's postings newest first, page by page, never another workspace's", async () => {
    const { workspaceId, ownerId } = await insertTestWorkspaceWithDocument(db);
    const other = await insertTestWorkspaceWithDocument(db);
    const ids: string[] = [];
    for (const title of ["one", "two", "three"]) ids.push((await posting(workspaceId, ownerId, title)).id);
    await posting(other.workspaceId, other.ownerId, "foreign");
    const first = await listJobPostings(db, { workspaceId, limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await listJobPostings(db, { workspaceId, limit: 2, cursor: first.nextCursor ?? "" });
    expect(second.nextCursor).toBeNull();
    const listed = [...first.items, ...second.items].map((item) => item.id);
    expect([...listed].sort()).toEqual([...ids].sort());
    expect(await codeOf(listJobPostings(db, { workspaceId, cursor: "garbage" }))).toBe("BAD_REQUEST");
  });

  it("versions a profile: a correction changes the version, another workspace sees none", async () => {
    const { workspaceId, profileId } = await insertTestProfile(db);
    const other = await insertTestWorkspaceWithDocument(db);
    const before = await getProfileVersion(db, { workspaceId, profileId });
    expect(before).toEqual(expect.any(String));
    await updateProfile(db, { workspaceId, profileId, patch: { headline: "Corrected" } });
    const after = await getProfileVersion(db, { workspaceId, profileId });
    expect(after).not.toBe(before);
    await expect(
      getProfileVersion(db, { workspaceId: other.workspaceId, profileId }),
    ).resolves.toBeUndefined();
  });
});
