import { beforeAll, describe, expect, it } from "vitest";
import { followDocument } from "./documents";
import type { TestApi } from "./harness";
import { call, type TestUser } from "./identity";
import { createPosting, requirementsOf, settled, uploadProfile } from "./matches";
import { type Change, factsOf, useTailoringWorld } from "./tailoring-support";

const world = useTailoringWorld();
const { mutate, profileOf, tailoringOf, proposed } = world;
let api: TestApi;
let owner: TestUser;
beforeAll(() => {
  ({ api, owner } = world);
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
});
