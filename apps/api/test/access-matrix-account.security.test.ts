import { describe, expect, it } from "vitest";
import { describeMatrix, expectCode, useMatrixWorld } from "./access-matrix";
import { accountInputs } from "./access-matrix-inputs-account";
import { addMember, call, signUp } from "./identity";

const matrix = useMatrixWorld();

describeMatrix(matrix, accountInputs);

describe("tenant isolation in reads", () => {
  it("a workspace's lists never show another workspace's rows", async () => {
    const { api, world } = matrix;
    const members = await call(api, "members.list", { cookie: world.ownerB.cookie });
    const emails = members.body.result.data.members.map((m: { email: string }) => m.email);
    expect(emails).toEqual([world.ownerB.email]);
    const keys = await call(api, "apiKeys.list", { cookie: world.ownerB.cookie });
    expect(keys.body.result.data).toEqual([]);
    const audit = await call(api, "audit.list", { cookie: world.ownerB.cookie, input: {} });
    for (const item of audit.body.result.data.items) expect(item.actorId).not.toBe(world.ownerA.userId);
  });

  it("a removed member loses the workspace on their very next request", async () => {
    const { api, world } = matrix;
    const temp = await signUp(api, "Temp");
    await addMember(api, world.ownerA, temp, "member");
    expect((await call(api, "members.list", { cookie: temp.cookie })).status).toBe(200);
    await call(api, "members.remove", {
      cookie: world.ownerA.cookie,
      type: "mutation",
      input: { userId: temp.userId },
    });
    await expectCode(api, "members.list", "query", { cookie: temp.cookie }, undefined, 403, "FORBIDDEN");
  });

  it("the workspace comes from the principal, not from input", async () => {
    const { api, world, workspaceA } = matrix;
    const result = await call(api, "members.list", {
      cookie: world.ownerB.cookie,
      input: { workspaceId: workspaceA },
    });
    expect(result.status).toBeLessThan(500);
    if (result.status === 200) {
      expect(result.body.result.data.members.map((m: { email: string }) => m.email)).not.toContain(
        world.ownerA.email,
      );
    }
  });
});
