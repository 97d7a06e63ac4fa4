import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "./api-keys";
import { resolvePrincipal } from "./principal";
import { type AuthHarness, cookieHeaderFrom, openAuthHarness } from "./test-harness";

describe("the whole auth flow on embedded PGlite", () => {
  let harness: AuthHarness;

  beforeAll(async () => {
    harness = await openAuthHarness("pglite");
  });
  afterAll(async () => {
    await harness.close();
  });

  it("signs up and in, creates a workspace, resolves cookie and key principals, and signs out", async () => {
    const user = await harness.signUp();
    const wrong = await harness.request("/sign-in/email", {
      body: { email: user.email, password: "not-the-password" },
    });
    expect(wrong.status).toBe(401);
    const signIn = await harness.request("/sign-in/email", {
      body: { email: user.email, password: user.password },
    });
    expect(signIn.status).toBe(200);
    const cookie = cookieHeaderFrom(signIn);

    const created = await harness.request("/organization/create", {
      body: { name: "Embedded", slug: `embedded-${user.id}` },
      cookie,
    });
    expect(created.status).toBe(200);
    const workspaceId = ((await created.json()) as { id: string }).id;

    const principal = await resolvePrincipal({
      auth: harness.auth,
      db: harness.db,
      headers: new Headers({ cookie }),
    });
    expect(principal).toMatchObject({ kind: "user", userId: user.id, workspaceId, role: "owner" });

    const key = await createApiKey(harness.db, {
      workspaceId,
      createdBy: user.id,
      creatorRole: "owner",
      name: "embedded key",
      scopes: ["usage:read"],
      expiresAt: null,
    });
    await expect(
      resolvePrincipal({
        auth: harness.auth,
        db: harness.db,
        headers: new Headers({ authorization: `Bearer ${key.key}` }),
      }),
    ).resolves.toMatchObject({ kind: "apiKey", workspaceId, userId: user.id, scopes: ["usage:read"] });

    expect((await harness.request("/sign-out", { body: {}, cookie })).status).toBe(200);
    await expect(
      resolvePrincipal({ auth: harness.auth, db: harness.db, headers: new Headers({ cookie }) }),
    ).resolves.toBeNull();
    expect(harness.events.map((event) => event.type)).toEqual([
      "sign-up",
      "sign-in.succeeded",
      "sign-in.failed",
      "sign-in.succeeded",
      "sign-out",
    ]);
  });
});
