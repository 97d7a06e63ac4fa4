import { attestationsPerProfileMax, profileAttestations } from "@vitae/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { addMember, call, createWorkspace, signUp, type TestUser } from "./identity";
import { createPosting, requirementsOf, settled, uploadProfile } from "./matches";

let api: TestApi;
let owner: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let workspaceId: string;

beforeAll(async () => {
  api = await startTestApi();
  owner = await signUp(api, "Candidate");
  workspaceId = await createWorkspace(api, owner, "Attest Co");
  viewer = await signUp(api, "Viewer");
  await addMember(api, owner, viewer, "viewer");
  outsider = await signUp(api, "Outsider");
  await createWorkspace(api, outsider, "Elsewhere");
});
afterAll(async () => {
  await api?.cleanup();
});

const attest = (user: TestUser, input: unknown) =>
  call(api, "profiles.attest", { cookie: user.cookie, type: "mutation", input });
const score = (profileId: string, postingId: string) =>
  call(api, "matches.score", { cookie: owner.cookie, input: { profileId, postingId } });

describe("profiles.attest", () => {
  it("records an attested skill (audited) that the scorer and a ranking then cite as evidence", async () => {
    const profileId = await uploadProfile(api, owner, "marcus-lee");
    const postingId = await createPosting(api, owner);
    const kubernetes = (await requirementsOf(api, owner, postingId)).find(
      (item) => item.canonical === "Kubernetes",
    );
    const statusOf = (result: { requirements: { requirementId: string; status: string }[] }) =>
      result.requirements.find((item) => item.requirementId === kubernetes?.id);
    const before = (await score(profileId, postingId)).body.result.data;
    expect(statusOf(before)?.status).toBe("missing");

    const attested = await attest(owner, { profileId, skill: " k8s ", note: "Ran our clusters for 2 years" });
    expect(attested.status, JSON.stringify(attested.body)).toBe(200);
    const attestation = attested.body.result.data;
    expect(attestation).toMatchObject({
      profileId,
      skill: "Kubernetes",
      note: "Ran our clusters for 2 years",
      created: true,
    });

    // The profile's version moved, so the cached score is not served: the attestation is evidence now.
    const after = (await score(profileId, postingId)).body.result.data;
    expect(statusOf(after)).toMatchObject({
      status: "met",
      evidence: [expect.objectContaining({ factId: attestation.attestationId })],
    });
    expect(after.score).toBeGreaterThan(before.score);

    const again = await attest(owner, { profileId, skill: "Kubernetes" });
    expect(again.body.result.data).toMatchObject({
      attestationId: attestation.attestationId,
      created: false,
    });

    const view = (await call(api, "profiles.byId", { cookie: viewer.cookie, input: { profileId } })).body
      .result.data;
    expect(view.attestations).toEqual([
      expect.objectContaining({
        id: attestation.attestationId,
        skill: "Kubernetes",
        note: "Ran our clusters for 2 years",
      }),
    ]);

    const ranked = await call(api, "matches.rank", {
      cookie: owner.cookie,
      type: "mutation",
      input: { postingId, profileIds: [profileId] },
    });
    const rankingId = ranked.body.result.data.rankingId;
    expect(await settled(api, rankingId)).toBe("succeeded");
    const [item] = (await call(api, "matches.ranking", { cookie: owner.cookie, input: { rankingId } })).body
      .result.data.items;
    expect(item.score).toBe(after.score);
    expect(item.missing.map((gap: { requirementId: string }) => gap.requirementId)).not.toContain(
      kubernetes?.id,
    );

    const audit = await call(api, "audit.list", { cookie: owner.cookie, input: {} });
    const events = audit.body.result.data.items.filter(
      (event: { action: string; targetId: string }) =>
        event.action === "profiles.attest" && event.targetId === profileId,
    );
    expect(events).toHaveLength(2);
  });

  it("refuses viewers, other workspaces, unknown profiles and hostile skills; caps attestations per profile", async () => {
    const profileId = await uploadProfile(api, owner, "ana-souza");
    expect((await attest(viewer, { profileId, skill: "Rust" })).status).toBe(403);
    expect((await attest(outsider, { profileId, skill: "Rust" })).status).toBe(404);
    expect(
      (await attest(owner, { profileId: "6f1d1b0e-0000-4000-8000-000000000000", skill: "Rust" })).status,
    ).toBe(404);
    for (const skill of ["", "   ", "x".repeat(101), "Rust\nand Go", "—!?"]) {
      const refused = await attest(owner, { profileId, skill });
      expect(refused.status, JSON.stringify(skill)).toBe(400);
    }
    expect((await attest(owner, { profileId, skill: "Rust", note: "n".repeat(501) })).status).toBe(400);
    const view = (await call(api, "profiles.byId", { cookie: owner.cookie, input: { profileId } })).body
      .result.data;
    expect(view.attestations).toEqual([]);

    await api.deps.db.insert(profileAttestations).values(
      Array.from({ length: attestationsPerProfileMax }, (_, index) => ({
        workspaceId,
        profileId,
        skill: `Skill ${index}`,
      })),
    );
    const capped = await attest(owner, { profileId, skill: "Rust" });
    expect(capped.status).toBe(409);
    expect(capped.body.error.data.code).toBe("CONFLICT");
  });
});
