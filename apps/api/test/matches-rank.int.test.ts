import { jobPostings, profileMatchFeatures } from "@vitae/db";
import { isMatchFeatures, matchFeaturesVersion } from "@vitae/matching";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";
import { createPosting, requirementsOf, settled, uploadProfile } from "./matches";

let api: TestApi;
let owner: TestUser;
let outsider: TestUser;
let profileIds: Record<string, string>;
let outsiderProfileId: string;

beforeAll(async () => {
  api = await startTestApi();
  owner = await signUp(api, "Recruiter");
  await createWorkspace(api, owner, "Hiring Co");
  outsider = await signUp(api, "Outsider");
  await createWorkspace(api, outsider, "Elsewhere");
  profileIds = {};
  for (const name of ["marcus-lee", "ana-souza", "priya-raman"]) {
    profileIds[name] = await uploadProfile(api, owner, name);
  }
  outsiderProfileId = await uploadProfile(api, outsider, "marcus-lee");
});
afterAll(async () => {
  await api?.cleanup();
});

type Ref = { requirementId: string; kind: string; weight: string; text: string };
type Item = {
  profileId: string;
  name: string | null;
  score: number;
  reasons: (Ref & { status: string; evidence: string | null })[];
  missing: Ref[];
};

const rank = (user: TestUser, input: unknown) =>
  call(api, "matches.rank", { cookie: user.cookie, type: "mutation", input });
const ranking = (user: TestUser, input: unknown) =>
  call(api, "matches.ranking", { cookie: user.cookie, input });

async function rankAndWait(input: { postingId: string; profileIds?: string[] }): Promise<string> {
  const started = await rank(owner, input);
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const rankingId = started.body.result.data.rankingId as string;
  expect(await settled(api, rankingId)).toBe("succeeded");
  return rankingId;
}

describe("matches.rank / matches.ranking", () => {
  it("ranks every profile of the workspace best first, each score equal to matches.score, with reasons", async () => {
    const postingId = await createPosting(api, owner);
    const rankingId = await rankAndWait({ postingId });
    const read = await ranking(owner, { rankingId });
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    const data = read.body.result.data;
    expect(data.ranking).toMatchObject({
      id: rankingId,
      postingId,
      status: "succeeded",
      progress: 100,
      total: 3,
      scored: 3,
      scorerVersion: "match-1",
      errorCode: null,
    });
    const items = data.items as Item[];
    expect(items.map((item) => item.profileId).sort()).toEqual(Object.values(profileIds).sort());
    for (let index = 1; index < items.length; index += 1) {
      expect(items[index - 1]?.score).toBeGreaterThanOrEqual(items[index]?.score ?? 0);
    }
    for (const item of items) {
      const single = await call(api, "matches.score", {
        cookie: owner.cookie,
        input: { profileId: item.profileId, postingId },
      });
      expect(item.score).toBe(single.body.result.data.score);
      expect(item.reasons.length + item.missing.length).toBeGreaterThan(0);
      expect(item.missing.map((gap) => gap.requirementId)).toEqual(
        single.body.result.data.missing.slice(0, 3).map((gap: Ref) => gap.requirementId),
      );
    }
    const marcus = items.find((item) => item.profileId === profileIds["marcus-lee"]);
    expect(marcus?.name).toBe("Marcus Lee");
    const requirements = await requirementsOf(api, owner, postingId);
    const python = requirements.find((requirement) => requirement.canonical === "Python");
    expect(marcus?.reasons).toContainEqual(
      expect.objectContaining({ requirementId: python?.id, status: "met", text: python?.text }),
    );
    const kubernetes = requirements.find((requirement) => requirement.canonical === "Kubernetes");
    expect(marcus?.missing[0]).toMatchObject({ requirementId: kubernetes?.id, weight: "must" });

    // By posting: its newest ranking.
    const byPosting = await ranking(owner, { postingId });
    expect(byPosting.body.result.data.ranking.id).toBe(rankingId);

    // Keyset pages (20 a page; smaller pages are tested in @vitae/db): the same order, then no cursor.
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await ranking(owner, { rankingId, ...(cursor ? { cursor } : {}) });
      expect(page.status).toBe(200);
      paged.push(...page.body.result.data.items.map((item: Item) => item.profileId));
      cursor = page.body.result.data.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(paged).toEqual(items.map((item) => item.profileId));

    const audit = await call(api, "audit.list", { cookie: owner.cookie, input: {} });
    expect(
      audit.body.result.data.items.some(
        (event: { action: string; targetId: string }) =>
          event.action === "matches.rank" && event.targetId === postingId,
      ),
    ).toBe(true);
  });

  it("ranks only the given profiles and refuses unknown or foreign ones with 404", async () => {
    const postingId = await createPosting(api, owner);
    const chosen = [profileIds["ana-souza"] ?? "", profileIds["marcus-lee"] ?? ""];
    const rankingId = await rankAndWait({ postingId, profileIds: [...chosen, chosen[0] ?? ""] });
    const data = (await ranking(owner, { rankingId })).body.result.data;
    expect(data.ranking.total).toBe(2);
    expect((data.items as Item[]).map((item) => item.profileId).sort()).toEqual([...chosen].sort());

    for (const profileIdsInput of [
      [outsiderProfileId],
      [chosen[0], "6f1d1b0e-0000-4000-8000-000000000000"],
    ]) {
      const refused = await rank(owner, { postingId, profileIds: profileIdsInput });
      expect(refused.status).toBe(404);
      expect(refused.body.error.data.code).toBe("NOT_FOUND");
    }
    expect((await rank(owner, { postingId: "6f1d1b0e-0000-4000-8000-000000000000" })).status).toBe(404);
    expect((await rank(owner, { postingId, profileIds: [] })).status).toBe(400);
  });

  it("keeps rankings in their workspace, validates its input and goes with its posting", async () => {
    const postingId = await createPosting(api, owner);
    const fresh = await ranking(owner, { postingId });
    expect(fresh.status).toBe(200);
    expect(fresh.body.result.data).toEqual({ ranking: null, items: [], nextCursor: null });

    const rankingId = await rankAndWait({ postingId });
    expect((await ranking(outsider, { rankingId })).status).toBe(404);
    expect((await ranking(outsider, { postingId })).status).toBe(404);
    expect((await rank(outsider, { postingId })).status).toBe(404);
    // The outsider's own ranking of its own profile never sees the owner's profiles.
    const theirs = await createPosting(api, outsider);
    const started = await call(api, "matches.rank", {
      cookie: outsider.cookie,
      type: "mutation",
      input: { postingId: theirs },
    });
    expect(await settled(api, started.body.result.data.rankingId)).toBe("succeeded");
    const outsiderItems = (await ranking(outsider, { postingId: theirs })).body.result.data.items as Item[];
    expect(outsiderItems.map((item) => item.profileId)).toEqual([outsiderProfileId]);

    for (const input of [
      {},
      { postingId, rankingId },
      { rankingId, cursor: "bm90LWEtY3Vyc29y" },
      { rankingId, cursor: Buffer.from("101:not-a-uuid").toString("base64url") },
      { rankingId, limit: 5 },
    ]) {
      const refused = await ranking(owner, input);
      expect(refused.status, JSON.stringify(input)).toBe(400);
    }

    const removed = await call(api, "postings.delete", {
      cookie: owner.cookie,
      type: "mutation",
      input: { postingId },
    });
    expect(removed.status).toBe(200);
    expect((await ranking(owner, { rankingId })).status).toBe(404);
  });

  it("fails the ranking with a stable code when the job cannot read its posting, never a 500", async () => {
    const postingId = await createPosting(api, owner);
    const [stored] = await api.deps.db
      .select({ requirements: jobPostings.requirements })
      .from(jobPostings)
      .where(eq(jobPostings.id, postingId));
    await api.deps.db
      .update(jobPostings)
      .set({ requirements: [{ id: "r1", kind: "bogus" }] })
      .where(eq(jobPostings.id, postingId));
    const started = await rank(owner, { postingId });
    expect(started.status).toBe(200);
    const rankingId = started.body.result.data.rankingId as string;
    expect(await settled(api, rankingId)).toBe("failed");
    await api.deps.db
      .update(jobPostings)
      .set({ requirements: stored?.requirements ?? [] })
      .where(eq(jobPostings.id, postingId));
    const read = await ranking(owner, { rankingId });
    expect(read.status).toBe(200);
    expect(read.body.result.data.ranking).toMatchObject({ status: "failed", errorCode: "VALIDATION_FAILED" });
    expect(read.body.result.data.items).toEqual([]);
  });

  // Last: it corrects a profile the tests above expect as uploaded.
  it("ranks from features stored at ingest and recomputes them for a corrected profile's new version", async () => {
    const stored = await api.deps.db
      .select({ profileId: profileMatchFeatures.profileId })
      .from(profileMatchFeatures)
      .where(inArray(profileMatchFeatures.profileId, Object.values(profileIds)));
    expect(stored).toHaveLength(3);

    const postingId = await createPosting(api, owner);
    const marcusId = profileIds["marcus-lee"] ?? "";
    const scoreOf = async (rankingId: string) => {
      const items = (await ranking(owner, { rankingId })).body.result.data.items as Item[];
      return items.find((item) => item.profileId === marcusId);
    };
    const before = await scoreOf(await rankAndWait({ postingId }));
    const kubernetes = (await requirementsOf(api, owner, postingId)).find(
      (requirement) => requirement.canonical === "Kubernetes",
    );
    expect(before?.missing.map((gap) => gap.requirementId)).toContain(kubernetes?.id);

    const profile = (
      await call(api, "profiles.byId", { cookie: owner.cookie, input: { profileId: marcusId } })
    ).body.result.data;
    const corrected = await call(api, "profiles.update", {
      cookie: owner.cookie,
      type: "mutation",
      input: {
        profileId: marcusId,
        patch: { summary: `${profile.summary ?? ""} Runs Kubernetes clusters.` },
      },
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);

    const after = await scoreOf(await rankAndWait({ postingId }));
    const single = await call(api, "matches.score", {
      cookie: owner.cookie,
      input: { profileId: marcusId, postingId },
    });
    expect(after?.score).toBe(single.body.result.data.score);
    expect(after?.score).toBeGreaterThan(before?.score ?? 100);
    expect(after?.missing.map((gap) => gap.requirementId)).not.toContain(kubernetes?.id);
  });

  it("recomputes current stored features that do not read as this build's, and stores them again", async () => {
    const postingId = await createPosting(api, owner);
    const anaId = profileIds["ana-souza"] ?? "";
    // Labelled with the current versions, so the page read returns it: only reading it shows it is unusable.
    await api.deps.db
      .update(profileMatchFeatures)
      .set({ features: { version: matchFeaturesVersion } })
      .where(eq(profileMatchFeatures.profileId, anaId));
    const rankingId = await rankAndWait({ postingId });
    const items = (await ranking(owner, { rankingId })).body.result.data.items as Item[];
    const single = await call(api, "matches.score", {
      cookie: owner.cookie,
      input: { profileId: anaId, postingId },
    });
    expect(items.find((item) => item.profileId === anaId)?.score).toBe(single.body.result.data.score);
    expect(items).toHaveLength(3);
    const [row] = await api.deps.db
      .select({ features: profileMatchFeatures.features })
      .from(profileMatchFeatures)
      .where(eq(profileMatchFeatures.profileId, anaId));
    expect(isMatchFeatures(row?.features)).toBe(true);
  });
});
