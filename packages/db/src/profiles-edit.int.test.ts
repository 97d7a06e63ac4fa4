import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { codeOf, insertTestWorkspaceWithDocument, sampleProfile } from "./documents-fixtures";
import { getProfileView, saveProfile, updateProfile } from "./index";
import { testDrivers } from "./test-drivers";

describe.each(testDrivers)("adding, ordering and dating profile facts on $kind", ({ open }) => {
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

  async function saved() {
    const { workspaceId, document } = await insertTestWorkspaceWithDocument(db);
    const profileId = await saveProfile(db, {
      workspaceId,
      documentId: document.id,
      profile: sampleProfile(),
      parser: "heuristic",
      parserVersion: "1",
    });
    const view = await getProfileView(db, { workspaceId, profileId });
    if (view === undefined) throw new Error("no profile");
    return { workspaceId, profileId, view };
  }

  it("adds facts after the existing ones, reorders them and replaces the spoken languages", async () => {
    const { workspaceId, profileId, view } = await saved();
    const [current, past] = view.experiences;
    if (!current || !past) throw new Error("fixture facts missing");
    const updated = await updateProfile(db, {
      workspaceId,
      profileId,
      patch: {
        languages: [{ name: "French", level: "C1" }],
        order: { experiences: [past.id, current.id] },
        add: {
          experiences: [{ company: "Babbage & Co", title: "Analyst", start: "2015-01", end: "2016-02" }],
          education: [{ school: "Open University", degree: "Certificate" }],
          projects: [{ name: "Notes", description: "Commentary on the engine" }],
          skills: ["Mathematics"],
        },
      },
    });
    expect(updated.experiences.map((fact) => fact.company)).toEqual([
      "Difference Co",
      "Analytical Engines Ltd",
      "Babbage & Co",
    ]);
    expect(updated.experiences[2]).toMatchObject({ start: "2015-01", end: "2016-02", bullets: [] });
    expect(updated.education.map((fact) => fact.school)).toEqual(["University of London", "Open University"]);
    expect(updated.projects.map((fact) => fact.name)).toEqual(["Loom", "Notes"]);
    expect(updated.skills.at(-1)).toMatchObject({
      name: "Mathematics",
      category: "other",
      raw: "Mathematics",
    });
    expect(updated.languages).toEqual([{ name: "French", level: "C1" }]);
    await expect(getProfileView(db, { workspaceId, profileId })).resolves.toEqual(updated);
  });

  it("refuses an order that drops or repeats a fact, and changes nothing", async () => {
    const { workspaceId, profileId, view } = await saved();
    const [current, past] = view.experiences;
    if (!current || !past) throw new Error("fixture facts missing");
    for (const order of [[current.id], [current.id, current.id], [current.id, past.id, past.id]]) {
      const patch = { name: "Changed", order: { experiences: order } };
      expect(await codeOf(updateProfile(db, { workspaceId, profileId, patch }))).toBe("BAD_REQUEST");
    }
    // A removal and the order of what is left go together.
    const trimmed = await updateProfile(db, {
      workspaceId,
      profileId,
      patch: { remove: { experiences: [current.id] }, order: { experiences: [past.id] } },
    });
    expect(trimmed.experiences.map((fact) => fact.id)).toEqual([past.id]);
    expect(trimmed.name).toBe(view.name);
  });

  it("refuses a start in the future or an end before the start, judged with the stored other end", async () => {
    const { workspaceId, profileId, view } = await saved();
    const [, past] = view.experiences;
    const [school] = view.education;
    if (!past || !school) throw new Error("fixture facts missing");
    const nextYear = `${new Date().getUTCFullYear() + 1}-01`;
    const patches = [
      // The stored end is 2021-02: a start after it is wrong even though the patch names no end.
      { experiences: [{ id: past.id, start: "2022-01" }] },
      { experiences: [{ id: past.id, start: nextYear, end: "present" as const }] },
      { education: [{ id: school.id, end: "2010-01" }] },
      { add: { experiences: [{ company: "Later", title: "Lead", start: "2020-05", end: "2020-04" }] } },
    ];
    for (const patch of patches) {
      expect(await codeOf(updateProfile(db, { workspaceId, profileId, patch }))).toBe("BAD_REQUEST");
    }
    await expect(getProfileView(db, { workspaceId, profileId })).resolves.toEqual(view);
    // A range that ends the month it starts is fine.
    const fine = await updateProfile(db, {
      workspaceId,
      profileId,
      patch: { experiences: [{ id: past.id, start: "2021-02" }] },
    });
    expect(fine.experiences[1]).toMatchObject({ start: "2021-02", end: "2021-02" });
  });
});
