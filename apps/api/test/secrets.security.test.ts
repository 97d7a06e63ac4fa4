import { auditLog } from "@vitae/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { authPost, call, createKey, createWorkspace } from "./identity";

/**
 * A password, an API key and a session token are planted, then used in every way that could leak them:
 * successful and failed sign-ins, authenticated calls, invalid input that echoes values, a revoked key.
 * None may appear in the logs, in any error response, or in any audit row.
 */
const plantedPassword = "Planted-Password-9f3a77c2e1";
let api: TestApi;
const errorBodies: string[] = [];

beforeAll(async () => {
  api = await startTestApi({ runWorkers: false });
});
afterAll(async () => {
  await api?.cleanup();
});

describe("planted secrets", () => {
  it("never appear in logs, error responses or audit rows", async () => {
    const email = "planted@example.com";
    const signUp = await authPost(api, "sign-up/email", {
      email,
      password: plantedPassword,
      name: "Planted",
    });
    expect(signUp.status).toBe(200);
    const signIn = await authPost(api, "sign-in/email", { email, password: plantedPassword });
    expect(signIn.status).toBe(200);
    const cookie = signIn.cookie;
    const sessionToken = cookie.split("=")[1]?.split(".")[0] ?? "";
    expect(sessionToken.length).toBeGreaterThan(16);
    await createWorkspace(
      api,
      { userId: signIn.body.user.id, email, password: plantedPassword, cookie },
      "Secrets Inc",
    );
    const { id: keyId, key } = await createKey(
      api,
      { userId: "", email, password: plantedPassword, cookie },
      ["members:read"],
    );

    const attempts = [
      await authPost(api, "sign-in/email", { email, password: `${plantedPassword}x` }),
      await authPost(api, "sign-in/email", { email: "nobody@example.com", password: plantedPassword }),
      await authPost(api, "sign-up/email", { email, password: plantedPassword, name: "Again" }),
      await authPost(api, "sign-in/email", { email, password: plantedPassword }),
    ];
    for (const attempt of attempts.slice(0, 3)) errorBodies.push(JSON.stringify(attempt.body));

    const echoes = [
      await call(api, "members.invite", { cookie, type: "mutation", input: { email: key, role: "member" } }),
      await call(api, "members.invite", {
        cookie,
        type: "mutation",
        input: { email: plantedPassword, role: "root" },
      }),
      await call(api, "workspaces.switch", { key, type: "mutation", input: { workspaceId: sessionToken } }),
      await call(api, "members.list", { key: `${key}tampered` }),
      await call(api, "auth.me", { cookie: `vitae.session_token=${sessionToken}.forged` }),
    ];
    for (const echo of echoes) {
      expect(echo.status).toBeGreaterThanOrEqual(400);
      errorBodies.push(JSON.stringify(echo.body));
    }
    expect((await call(api, "members.list", { key })).status).toBe(200);
    await call(api, "apiKeys.revoke", { cookie, type: "mutation", input: { apiKeyId: keyId } });
    const revoked = await call(api, "members.list", { key });
    expect(revoked.status).toBe(401);
    errorBodies.push(JSON.stringify(revoked.body));

    const auditRows = JSON.stringify(await api.deps.db.select().from(auditLog));
    expect(auditRows).toContain("auth.sign-in.failed");
    const places = { logs: api.logText(), errors: errorBodies.join("\n"), audit: auditRows };
    expect(places.logs.length).toBeGreaterThan(1000);
    // `vk_<12 hex>_<base64url secret>`: the secret is everything after the second underscore (base64url
    // may itself contain "_", so splitting on the last one could leave a single character to look for).
    const secretPart = key.split("_").slice(2).join("_");
    expect(secretPart.length).toBeGreaterThan(40);
    for (const [place, text] of Object.entries(places)) {
      expect(text, `password in ${place}`).not.toContain(plantedPassword);
      expect(text, `API key in ${place}`).not.toContain(secretPart);
      expect(text, `session token in ${place}`).not.toContain(sessionToken);
    }
  });
});
