import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { codeOf, insertTestDocument, sampleProfile } from "./documents-fixtures";
import { insertTestWorkspace } from "./identity-fixtures";
import {
  countRankableProfiles,
  getProfileLineage,
  insertJobPosting,
  insertMatchRanking,
  insertMatchRankingResults,
  insertProfileVersion,
  listMatchRankingResults,
  listProfileViews,
  saveProfile,
  startMatchRanking,
} from "./index";
import { testDrivers } from "./test-drivers";

// Postgres only: the keyset and the partial unique index are plain SQL that PGlite runs the same way,
// and PGlite's migration alone takes most of a minute on the shared machine.
const postgres = testDrivers.filter((driver) => driver.kind === "postgres");

describe.each(postgres)("rankings and profile versions on $kind", ({ open }) => {
  let db: Database;
  let drop: () => Promise<void>;
  let workspaceId: string;
  let ownerId: string;
  const profileIds: string[] = [];
  const documentIds: string[] = [];

  beforeAll(async () => {
    const database = await open();
    db = database.handle.db;
    drop = database.drop;
    const { workspace, owner } = await insertTestWorkspace(db);
    workspaceId = workspace.id;
    ownerId = owner.id;
    for (let index = 0; index < 5; index += 1) {
      const document = await insertTestDocument(db, workspaceId, { uploadedBy: ownerId });
      documentIds.push(document.id);
      profileIds.push(
        await saveProfile(db, {
          workspaceId,
          documentId: document.id,
          profile: sampleProfile({ name: `Person ${index}` }),
          parser: "heuristic",
          parserVersion: "1",
        }),
      );
    }
  });
  afterAll(async () => {
    await drop();
  });

  it("pages results best first by (score desc, profile id), every profile once, and refuses forged cursors", async () => {
    const posting = await insertJobPosting(db, {
      workspaceId,
      createdBy: ownerId,
      title: null,
      company: null,
      text: "Go",
      requirements: [],
      extractorVersion: "match-1",
    });
    const rankingId = randomUUID();
    await insertMatchRanking(db, {
      id: rankingId,
      workspaceId,
      postingId: posting.id,
      requestedBy: ownerId,
      profileIds: null,
      scorerVersion: "match-1",
    });
    expect(await startMatchRanking(db, { workspaceId, rankingId, total: 5 })).toBe(true);
    const scores = [50, 70, 70, 10, 70];
    await insertMatchRankingResults(db, {
      workspaceId,
      rankingId,
      results: profileIds.map((profileId, index) => ({
        profileId,
        score: scores[index] ?? 0,
        reasons: { top: [], missing: [] },
      })),
    });
    const expected = profileIds
      .map((profileId, index) => ({ profileId, score: scores[index] ?? 0 }))
      .sort((a, b) => b.score - a.score || (a.profileId < b.profileId ? -1 : 1))
      .map((entry) => entry.profileId);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listMatchRankingResults(db, { workspaceId, rankingId, cursor, limit: 2 });
      seen.push(...page.items.map((item) => item.profileId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(seen).toEqual(expected);
    expect((await listMatchRankingResults(db, { workspaceId: randomUUID(), rankingId })).items).toEqual([]);
    expect(await codeOf(listMatchRankingResults(db, { workspaceId, rankingId, cursor: "forged" }))).toBe(
      "BAD_REQUEST",
    );
    // A restart clears partial results.
    expect(await startMatchRanking(db, { workspaceId, rankingId, total: 5 })).toBe(true);
    expect((await listMatchRankingResults(db, { workspaceId, rankingId })).items).toEqual([]);
  });

  it("keeps tailored versions out of whole-workspace rankings and across a re-parse of their document", async () => {
    const parentId = profileIds[0] ?? "";
    const versionId = await insertProfileVersion(db, {
      workspaceId,
      parentProfileId: parentId,
      tailoringId: randomUUID(),
      profile: sampleProfile({ name: "Person 0 (tailored)" }),
      sectionOrder: ["skills", "summary", "experiences", "projects", "education"],
    });
    expect(await countRankableProfiles(db, { workspaceId, profileIds: null })).toBe(5);
    const all = await listProfileViews(db, { workspaceId, limit: 100 });
    expect(all.map((view) => view.id)).not.toContain(versionId);
    expect((await listProfileViews(db, { workspaceId, profileIds: [versionId], limit: 10 }))[0]?.name).toBe(
      "Person 0 (tailored)",
    );

    const reparsed = await saveProfile(db, {
      workspaceId,
      documentId: documentIds[0] ?? "",
      profile: sampleProfile({ name: "Person 0 again" }),
      parser: "heuristic",
      parserVersion: "2",
    });
    expect(reparsed).not.toBe(parentId);
    expect(await getProfileLineage(db, { workspaceId, profileId: versionId })).toEqual({
      source: "tailored",
      parentProfileId: null,
      tailoringId: expect.any(String),
      sectionOrder: ["skills", "summary", "experiences", "projects", "education"],
    });
    expect(await countRankableProfiles(db, { workspaceId, profileIds: null })).toBe(5);
  });
});
