import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthHarness, openAuthHarness, sessionCookieLine } from "./test-harness";

describe("auth on a public https origin", () => {
  let harness: AuthHarness;

  beforeAll(async () => {
    harness = await openAuthHarness("postgres", {
      baseUrl: "https://vitae.example.com",
      trustedOrigins: ["https://app.example.com"],
    });
  });
  afterAll(async () => {
    await harness.close();
  });

  it("marks the session cookie Secure (with the __Secure- prefix)", async () => {
    await harness.request("/sign-up/email", {
      body: { email: "secure@example.com", password: "a-long-enough-password", name: "Secure" },
    });
    const response = await harness.request("/sign-in/email", {
      body: { email: "secure@example.com", password: "a-long-enough-password" },
    });
    expect(response.status).toBe(200);
    const line = sessionCookieLine(response);
    expect(line).toMatch(/^__Secure-vitae\.session_token=/);
    expect(line).toMatch(/;\s*Secure/i);
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*SameSite=Lax/i);
  });

  it("refuses cross-site requests from an untrusted origin", async () => {
    const response = await harness.auth.handler(
      new Request("https://vitae.example.com/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://evil.example.net" },
        body: JSON.stringify({ email: "evil@example.com", password: "a-long-enough-password", name: "Evil" }),
      }),
    );
    expect(response.status).toBe(403);
    const fromTrusted = await harness.auth.handler(
      new Request("https://vitae.example.com/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://app.example.com" },
        body: JSON.stringify({
          email: "trusted@example.com",
          password: "a-long-enough-password",
          name: "Ok",
        }),
      }),
    );
    expect(fromTrusted.status).toBe(200);
  });
});
