import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { codeOf, insertTestWorkspaceWithDocument, missingId, sampleProfile } from "./documents-fixtures";
import { getProfileView, getProfileViewByDocument, type Profile, saveProfile, updateProfile } from "./index";
import { asProfile, useProfileDatabase } from "./profiles-fixtures";
import { experiences, profileSkills, technologies } from "./schema";
import { testDrivers } from "./test-drivers";

describe.each(testDrivers)("profiles on $kind", ({ open }) => {
  const fixture = useProfileDatabase(open);
  const { saved } = fixture;
  let db: Database;
  beforeAll(() => {
    db = fixture.db;
  });

  it("round-trips a profile with months, present, order and stable fact ids", async () => {
    const profile = sampleProfile();
    const { workspaceId, documentId, profileId } = await saved(profile);
    const view = await getProfileView(db, { workspaceId, profileId });
    expect(asProfile(view)).toEqual(profile);
    expect(view).toMatchObject({ id: profileId, documentId, parser: "llm", parserVersion: "7" });
    expect(view?.experiences[0]?.end).toBe("present");
    const ids = [
      ...(view?.experiences ?? []),
      ...(view?.education ?? []),
      ...(view?.projects ?? []),
      ...(view?.skills ?? []),
    ].map((fact) => fact.id);
    expect(new Set(ids).size).toBe(6);
    await expect(getProfileViewByDocument(db, { workspaceId, documentId })).resolves.toEqual(view);
    await expect(getProfileView(db, { workspaceId, profileId })).resolves.toEqual(view);
  });

  it("round-trips spoken languages and the list sections, and reads a profile saved without them as empty", async () => {
    const profile: Profile = {
      ...sampleProfile(),
      languages: [
        { name: "Deutsch", level: "Muttersprache" },
        { name: "English", level: null },
      ],
      certifications: ["Certified Kubernetes Administrator (CKA)"],
      awards: ["Best Paper Award, ICML 2020"],
      publications: ["Example, A. (2021). Sparse priors. Journal of Things."],
      volunteering: ["Mentor at Django Girls"],
    };
    const { workspaceId, profileId } = await saved(profile);
    const view = await getProfileView(db, { workspaceId, profileId });
    expect(view).toMatchObject({
      languages: profile.languages,
      certifications: profile.certifications,
      awards: profile.awards,
      publications: profile.publications,
      volunteering: profile.volunteering,
    });
    const older = await saved(sampleProfile());
    expect(await getProfileView(db, older)).toMatchObject({
      languages: [],
      certifications: [],
      awards: [],
      publications: [],
      volunteering: [],
    });
  });

  it("stores an empty profile", async () => {
    const empty: Profile = {
      name: null,
      headline: null,
      summary: null,
      contact: { email: null, phone: null, location: null, links: [] },
      experiences: [],
      education: [],
      projects: [],
      skills: [],
    };
    const { workspaceId, profileId } = await saved(empty);
    expect(asProfile(await getProfileView(db, { workspaceId, profileId }))).toEqual(empty);
  });

  it("links only skills the taxonomy knows and keeps the others unlinked", async () => {
    const { profileId } = await saved();
    const skills = await db
      .select({ name: profileSkills.name, technologyId: profileSkills.technologyId })
      .from(profileSkills)
      .where(eq(profileSkills.profileId, profileId))
      .orderBy(profileSkills.position);
    expect(skills[0]?.technologyId).toEqual(expect.any(String));
    expect(skills[1]).toEqual({ name: "Weaving", technologyId: null });
    await expect(db.$count(technologies, eq(technologies.name, "Weaving"))).resolves.toBe(0);
    // A second profile with the same skill reuses the catalogue row.
    const second = await saved();
    const [link] = await db
      .select({ technologyId: profileSkills.technologyId })
      .from(profileSkills)
      .where(eq(profileSkills.profileId, second.profileId))
      .orderBy(profileSkills.position)
      .limit(1);
    expect(link?.technologyId).toBe(skills[0]?.technologyId);
    await expect(db.$count(technologies, eq(technologies.name, "Kubernetes"))).resolves.toBe(1);
  });

  it("replaces the previous profile of the document with new fact ids", async () => {
    const { workspaceId, documentId, profileId } = await saved();
    const next = sampleProfile({ name: "Ada King", skills: [] });
    const newId = await saveProfile(db, {
      workspaceId,
      documentId,
      profile: next,
      parser: "heuristic",
      parserVersion: "1",
    });
    expect(newId).not.toBe(profileId);
    await expect(getProfileView(db, { workspaceId, profileId })).resolves.toBeUndefined();
    const view = await getProfileViewByDocument(db, { workspaceId, documentId });
    expect(view).toMatchObject({ id: newId, name: "Ada King", parser: "heuristic" });
    expect(asProfile(view)).toEqual(next);
    await expect(db.$count(experiences, eq(experiences.profileId, profileId))).resolves.toBe(0);
  });

  it("leaves the old profile intact when a save fails part-way", async () => {
    const { workspaceId, documentId, profileId } = await saved();
    const before = await getProfileView(db, { workspaceId, profileId });
    // Experiences are written before projects; PostgreSQL refuses the NUL byte in the project.
    const broken = sampleProfile({
      name: "Replaced",
      projects: [{ name: "Bad", description: "nul \u0000 byte", url: null, technologies: [] }],
    });
    await expect(
      saveProfile(db, { workspaceId, documentId, profile: broken, parser: "llm", parserVersion: "8" }),
    ).rejects.toThrow();
    await expect(getProfileView(db, { workspaceId, profileId })).resolves.toEqual(before);
    await expect(getProfileViewByDocument(db, { workspaceId, documentId })).resolves.toEqual(before);
  });

  it("rejects bad months and parsers before writing anything", async () => {
    const { workspaceId, documentId, profileId } = await saved();
    const badMonth = sampleProfile({
      education: [
        {
          school: "X",
          degree: null,
          field: null,
          start: "2020-13" as Profile["education"][0]["start"],
          end: null,
        },
      ],
    });
    const base = { workspaceId, documentId, parserVersion: "1" };
    expect(await codeOf(saveProfile(db, { ...base, profile: badMonth, parser: "llm" }))).toBe("BAD_REQUEST");
    expect(
      await codeOf(saveProfile(db, { ...base, profile: sampleProfile(), parser: "regex" as "llm" })),
    ).toBe("BAD_REQUEST");
    expect((await getProfileView(db, { workspaceId, profileId }))?.id).toBe(profileId);
  });

  it("treats another workspace's document or profile exactly like a missing one", async () => {
    const { workspaceId, documentId, profileId } = await saved();
    const { workspaceId: otherWorkspace } = await insertTestWorkspaceWithDocument(db);
    const params = { profile: sampleProfile(), parser: "llm" as const, parserVersion: "1" };
    for (const id of [documentId, missingId, "bad"]) {
      expect(await codeOf(saveProfile(db, { ...params, workspaceId: otherWorkspace, documentId: id }))).toBe(
        "NOT_FOUND",
      );
      await expect(
        getProfileViewByDocument(db, { workspaceId: otherWorkspace, documentId: id }),
      ).resolves.toBeUndefined();
    }
    for (const id of [profileId, missingId, "bad"]) {
      await expect(
        getProfileView(db, { workspaceId: otherWorkspace, profileId: id }),
      ).resolves.toBeUndefined();
      expect(
        await codeOf(
          updateProfile(db, { workspaceId: otherWorkspace, profileId: id, patch: { name: "Mallory" } }),
        ),
      ).toBe("NOT_FOUND");
    }
    expect((await getProfileView(db, { workspaceId, profileId }))?.name).toBe("Ada Lovelace");
  });
});
