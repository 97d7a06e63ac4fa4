import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { codeOf, missingId } from "./documents-fixtures";
import { getProfileView, updateProfile } from "./index";
import { useProfileDatabase } from "./profiles-fixtures";
import { testDrivers } from "./test-drivers";

describe.each(testDrivers)("profiles on $kind", ({ open }) => {
  const fixture = useProfileDatabase(open);
  const { saved } = fixture;
  let db: Database;
  beforeAll(() => {
    db = fixture.db;
  });

  it("applies owner corrections to top-level fields and facts by id", async () => {
    const { workspaceId, profileId } = await saved();
    const view = await getProfileView(db, { workspaceId, profileId });
    const [current, past] = view?.experiences ?? [];
    const [school] = view?.education ?? [];
    const [project] = view?.projects ?? [];
    const [, weaving] = view?.skills ?? [];
    if (!current || !past || !school || !project || !weaving) throw new Error("fixture facts missing");

    const updated = await updateProfile(db, {
      workspaceId,
      profileId,
      patch: {
        headline: "Principal engineer",
        summary: null,
        phone: null,
        links: ["https://ada.dev"],
        experiences: [
          { id: current.id, end: "2024-06", bullets: ["Led the Kubernetes migration"] },
          { id: past.id, end: "present" },
        ],
        education: [{ id: school.id, degree: "MSc", start: null }],
        projects: [{ id: project.id, url: null }],
        remove: { skills: [weaving.id] },
      },
    });
    expect(updated).toMatchObject({
      name: "Ada Lovelace",
      headline: "Principal engineer",
      summary: null,
      contact: { email: "ada@example.com", phone: null, location: "London", links: ["https://ada.dev"] },
    });
    expect(updated.experiences[0]).toEqual({
      ...current,
      end: "2024-06",
      bullets: ["Led the Kubernetes migration"],
    });
    expect(updated.experiences[1]).toEqual({ ...past, end: "present" });
    expect(updated.education[0]).toEqual({ ...school, degree: "MSc", start: null });
    expect(updated.projects[0]).toEqual({ ...project, url: null });
    expect(updated.skills.map((skill) => skill.id)).toEqual([view?.skills[0]?.id]);
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(view?.updatedAt.getTime() ?? Infinity);
    await expect(getProfileView(db, { workspaceId, profileId })).resolves.toEqual(updated);
  });

  it("refuses a fact id of another profile or workspace and changes nothing", async () => {
    const mine = await saved();
    const theirs = await saved();
    const theirView = await getProfileView(db, {
      workspaceId: theirs.workspaceId,
      profileId: theirs.profileId,
    });
    const mineBefore = await getProfileView(db, { workspaceId: mine.workspaceId, profileId: mine.profileId });
    const foreignExperience = theirView?.experiences[0]?.id ?? "";
    const foreignSkill = theirView?.skills[0]?.id ?? "";
    const ownExperience = mineBefore?.experiences[0]?.id ?? "";
    const patches = [
      // The valid edit of my own fact comes first: it must be rolled back with the rest.
      {
        name: "Changed",
        experiences: [
          { id: ownExperience, title: "CTO" },
          { id: foreignExperience, title: "Pwned" },
        ],
      },
      { education: [{ id: foreignExperience, school: "Wrong table" }] },
      { projects: [{ id: missingId, name: "Ghost" }] },
      { remove: { skills: [foreignSkill] } },
      { remove: { experiences: [ownExperience, foreignExperience] } },
      { experiences: [{ id: "bad", title: "x" }] },
    ];
    for (const patch of patches) {
      expect(
        await codeOf(updateProfile(db, { workspaceId: mine.workspaceId, profileId: mine.profileId, patch })),
      ).toBe("NOT_FOUND");
    }
    await expect(
      getProfileView(db, { workspaceId: mine.workspaceId, profileId: mine.profileId }),
    ).resolves.toEqual(mineBefore);
    await expect(
      getProfileView(db, { workspaceId: theirs.workspaceId, profileId: theirs.profileId }),
    ).resolves.toEqual(theirView);
  });

  it("rejects a malformed month in a patch", async () => {
    const { workspaceId, profileId } = await saved();
    const view = await getProfileView(db, { workspaceId, profileId });
    const id = view?.experiences[0]?.id ?? "";
    expect(
      await codeOf(
        updateProfile(db, {
          workspaceId,
          profileId,
          patch: { experiences: [{ id, start: "2020-1" }] },
        }),
      ),
    ).toBe("BAD_REQUEST");
    await expect(getProfileView(db, { workspaceId, profileId })).resolves.toEqual(view);
  });
});
