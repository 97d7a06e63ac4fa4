import { jobPostings } from "@vitae/db";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestApi } from "./harness";
import { call, type TestUser } from "./identity";
import { createPosting, settled, uploadProfile } from "./matches";
import { readTrpcSse } from "./sse";
import { useTailoringWorld } from "./tailoring-support";

const world = useTailoringWorld();
const { mutate, tailoringOf, proposed } = world;
let api: TestApi;
let owner: TestUser;
let outsider: TestUser;
beforeAll(() => {
  ({ api, owner, outsider } = world);
});

describe("tailoring", () => {
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
