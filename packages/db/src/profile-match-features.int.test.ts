import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { insertTestDocument, sampleProfile } from "./documents-fixtures";
import { insertTestWorkspace } from "./identity-fixtures";
import {
  getProfileVersion,
  insertAttestation,
  listAttestations,
  listRankableProfiles,
  saveProfile,
  storeProfileMatchFeatures,
  updateProfile,
} from "./index";
import { testDrivers } from "./test-drivers";

// Postgres only, like the rankings these features serve (json_to_recordset runs the same on PGlite).
const postgres = testDrivers.filter((driver) => driver.kind === "postgres");

describe.each(postgres)("stored match features on $kind", ({ open }) => {
  let db: Database;
  let drop: () => Promise<void>;
  let workspaceId: string;
  const profileIds: string[] = [];

  beforeAll(async () => {
    const database = await open();
    db = database.handle.db;
    drop = database.drop;
    const { workspace, owner } = await insertTestWorkspace(db);
    workspaceId = workspace.id;
    for (let index = 0; index < 3; index += 1) {
      const document = await insertTestDocument(db, workspaceId, { uploadedBy: owner.id });
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
    profileIds.sort();
  });
  afterAll(async () => {
    await drop();
  });

  const page = (featuresVersion = "facts-test", afterId?: string) =>
    listRankableProfiles(db, { workspaceId, profileIds: null, afterId, limit: 2, featuresVersion });
  // Features come back as the JSON text stored, for the reader to parse when it scores.
  const parsed = (row: { features: string | null } | undefined) =>
    row === undefined || row.features === null ? null : JSON.parse(row.features);

  it("returns features only for the profile version and features version they were computed for", async () => {
    const first = await page();
    expect(first.map((row) => row.id)).toEqual(profileIds.slice(0, 2));
    expect(first.map(parsed)).toEqual([null, null]);
    const [one, two] = first;
    if (one === undefined || two === undefined) throw new Error("no page");
    expect(one.version).toBe(await getProfileVersion(db, { workspaceId, profileId: one.id }));

    await storeProfileMatchFeatures(db, {
      workspaceId,
      featuresVersion: "facts-test",
      rows: [
        { profileId: one.id, profileVersion: one.version, features: { facts: ["one"] } },
        { profileId: two.id, profileVersion: two.version, features: { facts: ["two"] } },
      ],
    });
    expect((await page()).map(parsed)).toEqual([{ facts: ["one"] }, { facts: ["two"] }]);
    // Another build's features version: stored features count as missing.
    expect((await page("facts-other")).map(parsed)).toEqual([null, null]);
    // The next page continues after the last id.
    expect((await page("facts-test", two.id)).map((row) => row.id)).toEqual(profileIds.slice(2));

    // A correction makes a new profile version: its stored features are stale until recomputed.
    await updateProfile(db, { workspaceId, profileId: one.id, patch: { headline: "Changed" } });
    const [changed, unchanged] = await page();
    expect(changed?.features).toBeNull();
    expect(changed?.version).not.toBe(one.version);
    expect(parsed(unchanged)).toEqual({ facts: ["two"] });

    // Storing again for the new version replaces the row.
    await storeProfileMatchFeatures(db, {
      workspaceId,
      featuresVersion: "facts-test",
      rows: [{ profileId: one.id, profileVersion: changed?.version ?? "", features: { facts: ["new"] } }],
    });
    expect(parsed((await page())[0])).toEqual({ facts: ["new"] });
  });

  it("skips profiles that are gone or another workspace's, and reads only the chosen ids", async () => {
    const other = await insertTestWorkspace(db, "Other");
    const [first] = profileIds;
    if (first === undefined) throw new Error("no profile");
    await storeProfileMatchFeatures(db, {
      workspaceId: other.workspace.id,
      featuresVersion: "facts-test",
      rows: [{ profileId: first, profileVersion: "x", features: { facts: ["foreign"] } }],
    });
    await storeProfileMatchFeatures(db, {
      workspaceId,
      featuresVersion: "facts-test",
      rows: [{ profileId: randomUUID(), profileVersion: "x", features: { facts: [] } }],
    });
    const chosen = await listRankableProfiles(db, {
      workspaceId,
      profileIds: [first, randomUUID(), "not-a-uuid"],
      limit: 10,
      featuresVersion: "facts-test",
    });
    expect(chosen.map((row) => row.id)).toEqual([first]);
    expect(parsed(chosen[0])).toEqual({ facts: ["new"] });
    expect(
      await listRankableProfiles(db, {
        workspaceId: other.workspace.id,
        profileIds: null,
        limit: 10,
        featuresVersion: "facts-test",
      }),
    ).toEqual([]);
  });

  it("reads each profile's attestations with the page, oldest first, as listAttestations does", async () => {
    const [first, second] = profileIds;
    if (first === undefined || second === undefined) throw new Error("no profile");
    for (const skill of ["Snowflake", "CKA", "Fluent German"]) {
      await insertAttestation(db, { workspaceId, profileId: first, skill, note: null, createdBy: null });
    }
    const [withThree, withNone] = await page();
    const listed = (await listAttestations(db, { workspaceId, profileIds: [first] })).get(first) ?? [];
    expect(withThree?.attestations).toEqual(
      listed.map((attestation) => ({ id: attestation.id, skill: attestation.skill, note: attestation.note })),
    );
    expect(withThree?.attestations.map((attestation) => attestation.skill)).toEqual([
      "Snowflake",
      "CKA",
      "Fluent German",
    ]);
    expect(withNone?.id).toBe(second);
    expect(withNone?.attestations).toEqual([]);
  });
});
