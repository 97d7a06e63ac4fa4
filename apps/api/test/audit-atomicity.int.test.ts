import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { call, createKey, createWorkspace, signUp, type TestUser } from "./identity";

let api: TestApi;
let owner: TestUser;

beforeAll(async () => {
  api = await startTestApi({ runWorkers: false });
  owner = await signUp(api, "Auditor");
  await createWorkspace(api, owner, "Atomic");
});

afterAll(async () => {
  await api?.cleanup();
});

/** Makes the audit log refuse one action, as a failing insert would, for the duration of `run`. */
async function whileAuditRefuses(action: string, run: () => Promise<void>): Promise<void> {
  await api.deps.db.execute(
    sql.raw(`alter table audit_log add constraint test_refuse_action check (action <> '${action}')`),
  );
  try {
    await run();
  } finally {
    await api.deps.db.execute(sql.raw("alter table audit_log drop constraint test_refuse_action"));
  }
}

describe("a change and its audit row commit together", () => {
  it("creates no API key when its audit row cannot be written", async () => {
    await whileAuditRefuses("api-keys.create", async () => {
      const result = await call(api, "apiKeys.create", {
        cookie: owner.cookie,
        type: "mutation",
        input: { name: "unaudited", scopes: ["usage:read"] },
      });
      expect(result.status).toBeGreaterThanOrEqual(400);
    });
    const keys = await call(api, "apiKeys.list", { cookie: owner.cookie });
    expect(keys.body.result.data.map((key: { name: string }) => key.name)).not.toContain("unaudited");
  });

  it("keeps a key whose revocation could not be audited, and revokes it with its audit row afterwards", async () => {
    const { id } = await createKey(api, owner, ["usage:read"], "kept");
    await whileAuditRefuses("api-keys.revoke", async () => {
      const result = await call(api, "apiKeys.revoke", {
        cookie: owner.cookie,
        type: "mutation",
        input: { apiKeyId: id },
      });
      expect(result.status).toBeGreaterThanOrEqual(400);
    });
    const listed = await call(api, "apiKeys.list", { cookie: owner.cookie });
    const kept = listed.body.result.data.find((key: { id: string }) => key.id === id);
    expect(kept?.revokedAt ?? null).toBeNull();

    const revoked = await call(api, "apiKeys.revoke", {
      cookie: owner.cookie,
      type: "mutation",
      input: { apiKeyId: id },
    });
    expect(revoked.status).toBe(200);
    const audit = await call(api, "audit.list", {
      cookie: owner.cookie,
      input: { action: "api-keys.revoke" },
    });
    expect(audit.body.result.data.items.map((item: { targetId: string }) => item.targetId)).toEqual([id]);
  });

  it("does not rename the workspace when the rename cannot be audited", async () => {
    await whileAuditRefuses("workspaces.rename", async () => {
      const result = await call(api, "workspaces.rename", {
        cookie: owner.cookie,
        type: "mutation",
        input: { name: "Renamed without a trace" },
      });
      expect(result.status).toBeGreaterThanOrEqual(400);
    });
    const workspaces = await call(api, "workspaces.list", { cookie: owner.cookie });
    expect(workspaces.body.result.data.map((w: { name: string }) => w.name)).toEqual(["Atomic"]);
  });
});
