import { jobPostings } from "@vitae/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followDocument } from "./documents";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";
import { createPosting, requirementsOf, settled, uploadProfile } from "./matches";
import { readTrpcSse } from "./sse";

let api: TestApi;
let owner: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  api = await startTestApi();
  owner = await signUp(api, "Tailor");
  await createWorkspace(api, owner, "Tailor Co");
  outsider = await signUp(api, "Outsider");
  await createWorkspace(api, outsider, "Elsewhere");
});
afterAll(async () => {
  await api?.cleanup();
});

type Change = {
  id: string;
  path: string;
  action: string;
  original: string | string[] | null;
  value: string | string[] | null;
  scoreDelta: number;
};
type View = {
  documentId: string;
  versions: { profileId: string; tailoringId: string | null; postingId: string | null }[];
  tailoredFor: {
    tailoringId: string;
    postingId: string | null;
    title: string | null;
    company: string | null;
  } | null;
  source: string;
  parentProfileId: string | null;
  tailoringId: string | null;
  sectionOrder: string[] | null;
  headline: string | null;
  experiences: {
    company: string;
    title: string;
    bullets: string[];
    start: string | null;
    end: string | null;
  }[];
  education: { school: string; degree: string | null }[];
  projects: { name: string }[];
  skills: { name: string }[];
  attestations: { skill: string }[];
};

const mutate = (user: TestUser, path: string, input: unknown) =>
  call(api, path, { cookie: user.cookie, type: "mutation", input });
const profileOf = async (profileId: string): Promise<View> =>
  (await call(api, "profiles.byId", { cookie: owner.cookie, input: { profileId } })).body.result.data;
const tailoringOf = async (tailoringId: string) =>
  (await call(api, "tailoring.byId", { cookie: owner.cookie, input: { tailoringId } })).body.result.data;

async function proposed(profileId: string, postingId: string) {
  const started = await mutate(owner, "tailoring.propose", { profileId, postingId });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const tailoringId = started.body.result.data.tailoringId as string;
  expect(await settled(api, tailoringId)).toBe("succeeded");
  return tailoringOf(tailoringId);
}

/** Facts by identity, without ids: what "no section lost" compares. */
const factsOf = (view: View) => ({
  experiences: view.experiences.map((item) => `${item.company}|${item.title}|${item.start}|${item.end}`),
  education: view.education.map((item) => `${item.school}|${item.degree}`),
  projects: view.projects.map((item) => item.name).sort(),
  skills: view.skills.map((item) => item.name).sort(),
});

describe("tailoring", () => {
  it("proposes verified changes with score deltas, confirms a new linked version and leaves the original untouched", async () => {
    const profileId = await uploadProfile(api, owner, "marcus-lee");
    const postingId = await createPosting(api, owner);
    const original = await profileOf(profileId);
    const tailoring = await proposed(profileId, postingId);
    expect(tailoring).toMatchObject({ status: "ready", mode: "deterministic", profileId, postingId });
    expect(tailoring.baseHash).toMatch(/^[0-9a-f]{64}$/);
    const changes = tailoring.changes as Change[];
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) expect(typeof change.scoreDelta).toBe("number");
    const score = await call(api, "matches.score", { cookie: owner.cookie, input: { profileId, postingId } });
    expect(tailoring.scoreBefore).toBe(score.body.result.data.score);
    expect(tailoring.scoreAfter).toBeGreaterThanOrEqual(0);

    const confirmed = await mutate(owner, "tailoring.confirm", {
      tailoringId: tailoring.id,
      acceptedChangeIds: changes.map((change) => change.id),
      baseHash: tailoring.baseHash,
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const result = confirmed.body.result.data;
    expect(result).toMatchObject({ parentProfileId: profileId, tailoringId: tailoring.id });
    expect(result.profileId).not.toBe(profileId);
    expect(result.appliedChangeIds.sort()).toEqual(changes.map((change) => change.id).sort());

    const version = await profileOf(result.profileId);
    expect(version).toMatchObject({
      source: "tailored",
      parentProfileId: profileId,
      tailoringId: tailoring.id,
      documentId: original.documentId,
      sectionOrder: tailoring.sectionOrder,
    });
    // No section, experience, education entry, project or skill is lost; bullets only by accepted removals.
    expect(factsOf(version)).toEqual(factsOf(original));
    const removed = new Set(
      changes.filter((change) => change.action === "remove").map((change) => change.original as string),
    );
    version.experiences.forEach((experience, index) => {
      const before = original.experiences[index]?.bullets ?? [];
      expect([...experience.bullets].sort()).toEqual(before.filter((bullet) => !removed.has(bullet)).sort());
    });
    for (const section of ["summary", "experiences", "projects", "skills", "education"]) {
      expect(version.sectionOrder).toContain(section);
    }
    // The original is untouched and stays the document's parsed profile; it now lists the version.
    const { versions, ...after } = await profileOf(profileId);
    const { versions: versionsBefore, ...before } = original;
    expect(after).toEqual(before);
    expect(versionsBefore).toEqual([]);
    expect(versions).toEqual([
      expect.objectContaining({ profileId: result.profileId, tailoringId: tailoring.id, postingId }),
    ]);
    expect(version.tailoredFor).toEqual({
      tailoringId: tailoring.id,
      postingId,
      title: "Senior Data Engineer",
      company: "Acme",
    });
    const byDocument = await call(api, "profiles.byDocument", {
      cookie: owner.cookie,
      input: { documentId: original.documentId },
    });
    expect(byDocument.body.result.data.id).toBe(profileId);
    const documents = await call(api, "documents.list", { cookie: owner.cookie, input: {} });
    expect(
      documents.body.result.data.items.filter((item: { id: string }) => item.id === original.documentId),
    ).toHaveLength(1);

    expect(await tailoringOf(tailoring.id)).toMatchObject({
      status: "confirmed",
      resultProfileId: result.profileId,
    });
    const again = await mutate(owner, "tailoring.confirm", {
      tailoringId: tailoring.id,
      acceptedChangeIds: [],
      baseHash: tailoring.baseHash,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.data.code).toBe("CONFLICT");

    // A ranking of the whole workspace counts people, not versions.
    const ranked = await mutate(owner, "matches.rank", { postingId });
    expect(await settled(api, ranked.body.result.data.rankingId)).toBe("succeeded");
    const ranking = await call(api, "matches.ranking", {
      cookie: owner.cookie,
      input: { rankingId: ranked.body.result.data.rankingId },
    });
    expect(ranking.body.result.data.items.map((item: { profileId: string }) => item.profileId)).not.toContain(
      result.profileId,
    );

    const audit = await call(api, "audit.list", { cookie: owner.cookie, input: {} });
    const actions = audit.body.result.data.items.map((item: { action: string }) => item.action);
    expect(actions).toEqual(expect.arrayContaining(["tailoring.propose", "tailoring.confirm"]));

    // Re-parsing the document replaces only the parsed profile: the confirmed version stays.
    const reingested = await mutate(owner, "documents.reingest", { documentId: original.documentId });
    expect(reingested.status, JSON.stringify(reingested.body)).toBe(200);
    const events = await followDocument(api, owner, original.documentId);
    expect(events.at(-1)?.status).toBe("ready");
    const kept = await profileOf(result.profileId);
    expect(factsOf(kept)).toEqual(factsOf(version));
    expect(kept.parentProfileId).toBeNull();
  });

  it("never adds a missing must skill unless it was attested; an attestation carries into the version", async () => {
    const profileId = await uploadProfile(api, owner, "marcus-lee");
    const postingId = await createPosting(api, owner);
    const kubernetes = (await requirementsOf(api, owner, postingId)).find(
      (item) => item.canonical === "Kubernetes",
    );
    const tailoring = await proposed(profileId, postingId);
    const proposedText = JSON.stringify((tailoring.changes as Change[]).map((change) => change.value));
    expect(proposedText).not.toMatch(/kubernetes|k8s/i);

    expect((await mutate(owner, "profiles.attest", { profileId, skill: "Kubernetes" })).status).toBe(200);
    // The attestation changed the base: the older proposal can no longer be confirmed.
    const stale = await mutate(owner, "tailoring.confirm", {
      tailoringId: tailoring.id,
      acceptedChangeIds: [],
      baseHash: tailoring.baseHash,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.data.code).toBe("BASE_CHANGED");

    const fresh = await proposed(profileId, postingId);
    expect(fresh.baseHash).not.toBe(tailoring.baseHash);
    const confirmed = await mutate(owner, "tailoring.confirm", {
      tailoringId: fresh.id,
      acceptedChangeIds: [],
      baseHash: fresh.baseHash,
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const versionId = confirmed.body.result.data.profileId;
    const version = await profileOf(versionId);
    expect(version.attestations.map((item) => item.skill)).toEqual(["Kubernetes"]);
    expect(version.sectionOrder).toEqual(["summary", "experiences", "projects", "skills", "education"]);
    const score = await call(api, "matches.score", {
      cookie: owner.cookie,
      input: { profileId: versionId, postingId },
    });
    expect(
      score.body.result.data.requirements.find(
        (item: { requirementId: string }) => item.requirementId === kubernetes?.id,
      ).status,
    ).toBe("met");
  });

  it("streams a proposal's progress until it is ready; another workspace gets NOT_FOUND", async () => {
    const profileId = await uploadProfile(api, owner, "priya-raman");
    const postingId = await createPosting(api, owner);
    const started = await mutate(owner, "tailoring.propose", { profileId, postingId });
    const tailoringId = started.body.result.data.tailoringId as string;
    const url = (id: string) =>
      `${api.url}/trpc/tailoring.progress?input=${encodeURIComponent(JSON.stringify({ tailoringId: id }))}`;
    const events: { status: string; progress: number }[] = [];
    for await (const event of readTrpcSse(url(tailoringId), AbortSignal.timeout(30_000), {
      cookie: owner.cookie,
    })) {
      if (event.kind === "error") throw new Error(JSON.stringify(event.error));
      const value = event.value as { status: string; progress: number };
      events.push(value);
      if (value.status !== "queued" && value.status !== "running") break;
    }
    expect(events.at(-1)).toMatchObject({ status: "ready", progress: 100 });
    const denied = await readTrpcSse(url(tailoringId), AbortSignal.timeout(10_000), {
      cookie: outsider.cookie,
    }).next();
    expect(denied.value).toMatchObject({ kind: "error", error: { data: { code: "NOT_FOUND" } } });
  });

  it("refuses a changed base, a foreign hash, unknown change ids, other workspaces and unready tailorings", async () => {
    const profileId = await uploadProfile(api, owner, "ana-souza");
    const postingId = await createPosting(api, owner);
    const tailoring = await proposed(profileId, postingId);
    const confirm = (input: Record<string, unknown>, user = owner) =>
      mutate(user, "tailoring.confirm", {
        tailoringId: tailoring.id,
        acceptedChangeIds: [],
        baseHash: tailoring.baseHash,
        ...input,
      });

    const foreignHash = await confirm({ baseHash: "0".repeat(64) });
    expect(foreignHash.status).toBe(409);
    expect(foreignHash.body.error.data.code).toBe("BASE_CHANGED");
    const unknown = await confirm({ acceptedChangeIds: ["c9999"] });
    expect(unknown.status).toBe(400);
    expect((await confirm({ baseHash: "not-a-hash" })).status).toBe(400);
    expect((await confirm({}, outsider)).status).toBe(404);
    expect(
      (await call(api, "tailoring.byId", { cookie: outsider.cookie, input: { tailoringId: tailoring.id } }))
        .status,
    ).toBe(404);
    expect((await mutate(outsider, "tailoring.propose", { profileId, postingId })).status).toBe(404);
    expect(
      (
        await mutate(owner, "tailoring.propose", {
          profileId,
          postingId: "6f1d1b0e-0000-4000-8000-000000000000",
        })
      ).status,
    ).toBe(404);

    // A correction after the proposal changes the base.
    const corrected = await mutate(owner, "profiles.update", {
      profileId,
      patch: { headline: "Edited headline" },
    });
    expect(corrected.status).toBe(200);
    const changed = await confirm({});
    expect(changed.status).toBe(409);
    expect(changed.body.error.data.code).toBe("BASE_CHANGED");
    expect(await tailoringOf(tailoring.id)).toMatchObject({ status: "ready", resultProfileId: null });

    // A proposal whose job fails is `failed` with a stable code, and cannot be confirmed.
    const [stored] = await api.deps.db
      .select({ requirements: jobPostings.requirements })
      .from(jobPostings)
      .where(eq(jobPostings.id, postingId));
    await api.deps.db
      .update(jobPostings)
      .set({ requirements: [{ id: "r1", kind: "bogus" }] })
      .where(eq(jobPostings.id, postingId));
    const started = await mutate(owner, "tailoring.propose", { profileId, postingId });
    const failedId = started.body.result.data.tailoringId;
    expect(await settled(api, failedId)).toBe("failed");
    await api.deps.db
      .update(jobPostings)
      .set({ requirements: stored?.requirements ?? [] })
      .where(eq(jobPostings.id, postingId));
    expect(await tailoringOf(failedId)).toMatchObject({
      status: "failed",
      errorCode: "VALIDATION_FAILED",
      changes: [],
    });
    const notReady = await mutate(owner, "tailoring.confirm", {
      tailoringId: failedId,
      acceptedChangeIds: [],
      baseHash: "0".repeat(64),
    });
    expect(notReady.status).toBe(409);
    expect(notReady.body.error.data.code).toBe("CONFLICT");
  });
});
