import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTestAccount, signUpWithWorkspace, type TestAccount } from "./accounts";
import { type BrowserSession, launchBrowser } from "./browser";
import { type RunningProduct, startProduct } from "./product-server";

// Signed-out loads answer 401 on purpose, and an unverified invitee is refused the invitation (403)
// until they confirm their address; Chromium logs both as console errors. Anything else fails the spec.
const expectedConsoleError = /Failed to load resource: the server responded with a status of 40[13]/;

/**
 * Invitations on a single machine without a mail server: the invitee must confirm their address, the
 * link waits on the operator's Outbox page, and once confirmed the invitee joins. A returning user
 * lands in their workspace after signing in again.
 */
describe("invitations, email confirmation and the operator outbox (embedded product in Chromium)", () => {
  let product: RunningProduct | undefined;
  let owner: BrowserSession | undefined;
  let invitee: BrowserSession | undefined;
  let ownerAccount: TestAccount;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    product = await startProduct();
    owner = await launchBrowser();
    invitee = await launchBrowser();
    // The first account on a fresh instance operates it (reads the outbox).
    ownerAccount = await signUpWithWorkspace(owner.context, baseUrl());
  });

  afterAll(async () => {
    await invitee?.close();
    await owner?.close();
    await product?.stop();
  });

  function baseUrl(): string {
    if (product === undefined) throw new Error("The product did not start.");
    return product.baseUrl;
  }

  async function openPage(session: BrowserSession | undefined): Promise<Page> {
    if (session === undefined) throw new Error("The browser did not start.");
    await session.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl() });
    const page = await session.context.newPage();
    page.on("pageerror", (error) => pageErrors.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" && !expectedConsoleError.test(message.text())) {
        pageErrors.push(`console error: ${message.text()}`);
      }
    });
    return page;
  }

  async function signUpAndIn(context: BrowserContext, account: TestAccount) {
    const headers = { Origin: baseUrl() };
    expect(
      (await context.request.post(`${baseUrl()}/api/auth/sign-up/email`, { data: account, headers })).ok(),
    ).toBe(true);
    const signIn = await context.request.post(`${baseUrl()}/api/auth/sign-in/email`, {
      data: { email: account.email, password: account.password },
      headers,
    });
    expect(signIn.ok()).toBe(true);
  }

  it("asks the invitee to confirm their address; the operator's outbox has the link; then they join", async () => {
    if (owner === undefined || invitee === undefined) throw new Error("The browsers did not start.");
    const inviteeAccount = newTestAccount();
    await signUpAndIn(invitee.context, inviteeAccount);

    const ownerPage = await openPage(owner);
    await ownerPage.goto(`${baseUrl()}/members`);
    await ownerPage.getByLabel("Email").fill(inviteeAccount.email);
    await ownerPage.getByRole("button", { name: "Send invitation" }).click();
    const invitations = ownerPage.getByTestId("invitations-table");
    await invitations.getByRole("rowheader", { name: inviteeAccount.email }).waitFor();
    const invite = await owner.context.request.get(`${baseUrl()}/trpc/members.list`);
    const invitationId = ((await invite.json()) as { result: { data: { invitations: { id: string }[] } } })
      .result.data.invitations[0]?.id;
    expect(invitationId).toBeDefined();

    const inviteePage = await openPage(invitee);
    await inviteePage.goto(`${baseUrl()}/invitations/${invitationId}`);
    await inviteePage.getByTestId("verify-email").waitFor();
    expect(await inviteePage.getByRole("button", { name: "Join workspace" }).count()).toBe(0);
    // Sign-up's link leads home; a new one from here leads back to this invitation.
    await inviteePage.getByRole("button", { name: "Send a new link" }).click();
    await inviteePage.getByText(`A new link is on its way to ${inviteeAccount.email}.`).waitFor();

    // The operator finds the confirmation link through the account menu (newest first).
    await ownerPage.getByTestId("user-menu-toggle").click();
    await ownerPage.getByTestId("nav-outbox").click();
    await ownerPage.waitForURL(`${baseUrl()}/outbox`);
    const row = ownerPage
      .getByTestId("outbox-table")
      .locator("tr", { hasText: inviteeAccount.email })
      .first();
    const link = (await row.getByTestId("outbox-link").textContent())?.trim() ?? "";
    expect(link).toMatch(/\/api\/auth\/verify-email\?token=/);

    // The invitee opens it (as from their mailbox) and returns to the invitation, now able to join.
    await inviteePage.goto(link);
    await inviteePage.getByRole("button", { name: "Join workspace" }).click();
    await inviteePage.waitForURL(`${baseUrl()}/`);
    const me = await invitee.context.request.get(`${baseUrl()}/trpc/auth.me`);
    const workspace = ((await me.json()) as { result: { data: { workspace: { name: string } | null } } })
      .result.data.workspace;
    expect(workspace?.name).toBe(`Workspace of ${ownerAccount.name}`);

    expect(pageErrors).toEqual([]);
    await inviteePage.close();
    await ownerPage.close();
  });

  it("a returning owner signs in to their workspace, not to 'Create a workspace'", async () => {
    const page = await openPage(owner);
    await page.goto(`${baseUrl()}/`);
    await page.getByTestId("user-menu-toggle").click();
    await page.getByTestId("sign-out").click();
    await page.waitForURL(`${baseUrl()}/sign-in`);
    await page.getByLabel("Email").fill(ownerAccount.email);
    await page.getByLabel("Password").fill(ownerAccount.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl()}/`);
    await page.getByTestId("nav-members").waitFor();
    expect(await page.getByTestId("no-workspace").count()).toBe(0);

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
