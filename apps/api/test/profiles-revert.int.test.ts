import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { addMember, call, createWorkspace, signUp, type TestUser } from "./identity";
import { uploadProfile } from "./matches";

let api: TestApi;
let owner: TestUser;
let member: TestUser;
let viewer: TestUser;
let profileId: string;

beforeAll(async () => {
  api = await startTestApi();
  owner = await signUp(api, "Owner");
  await createWorkspace(api, owner, "Undo Co");
  member = await signUp(api, "Member");
  await addMember(api, owner, member, "member");
  viewer = await signUp(api, "Viewer");
  await addMember(api, owner, viewer, "viewer");
  profileId = await uploadProfile(api, owner, "marcus-lee");
});
afterAll(async () => {
  await api?.cleanup();
});

const read = async (user: TestUser) =>
  (await call(api, "profiles.byId", { cookie: user.cookie, input: { profileId } })).body.result.data;
const update = (user: TestUser, patch: unknown) =>
  call(api, "profiles.update", { cookie: user.cookie, type: "mutation", input: { profileId, patch } });
const revert = (user: TestUser, expectedVersion: string, patch: unknown) =>
  call(api, "profiles.revert", {
    cookie: user.cookie,
    type: "mutation",
    input: { profileId, expectedVersion, patch },
  });

describe("profiles.revert", () => {
  it("puts a saved correction back while nobody has saved since (audited as a revert)", async () => {
    const original = await read(owner);
    const saved = await update(member, { headline: "Chief Everything Officer" });
    expect(saved.status).toBe(200);
    expect(saved.body.result.data.version).not.toBe(original.version);

    const undone = await revert(member, saved.body.result.data.version, { headline: original.headline });
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body.result.data.headline).toBe(original.headline);
    expect(undone.body.result.data.version).not.toBe(saved.body.result.data.version);
    expect((await read(viewer)).headline).toBe(original.headline);

    const audit = await call(api, "audit.list", {
      cookie: owner.cookie,
      input: { action: "profiles.revert" },
    });
    expect(audit.body.result.data.items).toEqual([
      expect.objectContaining({ action: "profiles.revert", targetId: profileId }),
    ]);
  });

  it("refuses an undo once someone else has saved since, and changes nothing", async () => {
    const before = await read(owner);
    const mine = await update(member, { headline: "Mine" });
    const theirs = await update(owner, { headline: "Theirs" });
    expect(theirs.status).toBe(200);

    const undone = await revert(member, mine.body.result.data.version, { headline: before.headline });
    expect(undone.status).toBe(409);
    expect(undone.body.error.data.code).toBe("CONFLICT");
    expect(undone.body.error.message).toMatch(/changed after that save/);
    const now = await read(owner);
    expect(now.headline).toBe("Theirs");
    expect(now.version).toBe(theirs.body.result.data.version);
  });

  it("checks the patch like an update: a future start is refused at the stale-free version too", async () => {
    const current = await read(owner);
    const role = current.experiences[0];
    const refused = await revert(member, current.version, {
      experiences: [{ id: role.id, start: "2999-01", end: null }],
    });
    expect(refused.status).toBe(400);
    expect((await read(owner)).version).toBe(current.version);
  });

  it("is refused to a viewer", async () => {
    const current = await read(owner);
    const refused = await revert(viewer, current.version, { headline: "Viewer" });
    expect(refused.status).toBe(403);
  });
});
