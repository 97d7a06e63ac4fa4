import { randomBytes } from "node:crypto";
import type { BrowserContext } from "playwright-core";

export interface TestAccount {
  name: string;
  email: string;
  password: string;
}

/** A unique account per call, so specs never collide on an email address. */
export function newTestAccount(): TestAccount {
  const id = randomBytes(6).toString("hex");
  return {
    name: `E2E ${id}`,
    email: `e2e-${id}@example.com`,
    password: `pw-${randomBytes(12).toString("hex")}`,
  };
}

async function expectOk(
  response: { ok: () => boolean; status: () => number; text: () => Promise<string> },
  what: string,
) {
  if (!response.ok()) throw new Error(`${what} answered ${response.status()}: ${await response.text()}`);
}

/**
 * Signs a new account up and in through the API with the browser context's own cookie jar, so the browser
 * is signed in afterwards (sign-up alone never signs in); then creates and activates a workspace. For
 * specs whose subject is not sign-up.
 * better-auth checks the Origin of state-changing requests, as a browser would send it.
 */
export async function signUpWithWorkspace(context: BrowserContext, baseUrl: string): Promise<TestAccount> {
  const account = newTestAccount();
  const headers = { Origin: baseUrl };
  await expectOk(
    await context.request.post(`${baseUrl}/api/auth/sign-up/email`, { data: account, headers }),
    "sign-up",
  );
  await expectOk(
    await context.request.post(`${baseUrl}/api/auth/sign-in/email`, {
      data: { email: account.email, password: account.password },
      headers,
    }),
    "sign-in",
  );
  await expectOk(
    await context.request.post(`${baseUrl}/trpc/workspaces.create`, {
      data: { name: `Workspace of ${account.name}` },
      headers,
    }),
    "workspaces.create",
  );
  return account;
}
