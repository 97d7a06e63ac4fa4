import { mailOutbox } from "@vitae/db";
import { desc, eq } from "drizzle-orm";
import type { TestApi } from "./harness";
import { readJson } from "./json";

/** A tRPC call's HTTP outcome. */
export interface CallResult {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON
  body: any;
  headers: Headers;
}

export interface Credentials {
  cookie?: string;
  key?: string;
}

function authHeaders(credentials: Credentials): Record<string, string> {
  return {
    ...(credentials.cookie ? { cookie: credentials.cookie } : {}),
    ...(credentials.key ? { authorization: `Bearer ${credentials.key}` } : {}),
  };
}

/** Calls one procedure over HTTP as tRPC clients do: queries as GET `?input=`, mutations as POST JSON. */
export async function call(
  api: TestApi,
  path: string,
  options: Credentials & { type?: "query" | "mutation"; input?: unknown } = {},
): Promise<CallResult> {
  const type = options.type ?? "query";
  const headers = authHeaders(options);
  const response =
    type === "query"
      ? await fetch(
          `${api.url}/trpc/${path}${options.input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(options.input))}`}`,
          { headers },
        )
      : await fetch(`${api.url}/trpc/${path}`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          ...(options.input === undefined ? {} : { body: JSON.stringify(options.input) }),
        });
  return { status: response.status, body: await readJson(response), headers: response.headers };
}

/** Posts to a better-auth endpoint the way the web app does (same origin). */
export async function authPost(api: TestApi, path: string, body: unknown, cookie?: string) {
  const response = await fetch(`${api.url}/api/auth/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: api.url, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  const cookies = response.headers.getSetCookie().map((value) => value.split(";", 1)[0] ?? "");
  return { status: response.status, body: await readJson(response), cookie: cookies.join("; "), response };
}

export interface TestUser {
  userId: string;
  email: string;
  password: string;
  cookie: string;
}

let userCounter = 0;

/** Signs up a fresh user and returns their session cookie. */
export async function signUp(
  api: TestApi,
  name: string,
  password = "correct-horse-battery-staple",
): Promise<TestUser> {
  userCounter += 1;
  const email = `${name.toLowerCase()}-${userCounter}-${Date.now()}@example.com`;
  const result = await authPost(api, "sign-up/email", { email, password, name });
  if (result.status !== 200)
    throw new Error(`sign-up failed: ${result.status} ${JSON.stringify(result.body)}`);
  // Sign-up never signs in (it answers alike for existing emails); signing in proves the account.
  const signedIn = await authPost(api, "sign-in/email", { email, password });
  if (signedIn.status !== 200)
    throw new Error(`sign-in failed: ${signedIn.status} ${JSON.stringify(signedIn.body)}`);
  return { userId: signedIn.body.user.id, email, password, cookie: signedIn.cookie };
}

/** Creates a workspace owned (and made active) for `user`. */
export async function createWorkspace(api: TestApi, user: TestUser, name: string): Promise<string> {
  const result = await call(api, "workspaces.create", {
    cookie: user.cookie,
    type: "mutation",
    input: { name },
  });
  if (result.status !== 200) throw new Error(`workspace create failed: ${JSON.stringify(result.body)}`);
  return result.body.result.data.id;
}

/** Creates an API key in the caller's active workspace and returns its id and secret. */
export async function createKey(api: TestApi, owner: TestUser, scopes: string[], name = "test key") {
  const result = await call(api, "apiKeys.create", {
    cookie: owner.cookie,
    type: "mutation",
    input: { name, scopes },
  });
  if (result.status !== 200) throw new Error(`key create failed: ${JSON.stringify(result.body)}`);
  return {
    id: result.body.result.data.id as string,
    key: result.body.result.data.key as string,
    /** `X-RateLimit-Remaining` after the creating call (it counts against the workspace's limit). */
    remaining: Number(result.headers.get("x-ratelimit-remaining")),
  };
}

/**
 * The newest verification link in the outbox for `email`. Mail is written after the sign-up answer
 * (in the background), so this looks a bounded number of times.
 */
export async function outboxLinkFor(api: TestApi, email: string): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const [message] = await api.deps.db
      .select({ link: mailOutbox.link })
      .from(mailOutbox)
      .where(eq(mailOutbox.toEmail, email.toLowerCase()))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(1);
    if (message !== undefined) return message.link;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no outbox message for ${email}`);
}

/** Verifies `user`'s email by opening the link from the outbox, as its owner would. */
export async function verifyEmail(api: TestApi, user: TestUser): Promise<void> {
  const link = new URL(await outboxLinkFor(api, user.email));
  const response = await fetch(`${api.url}${link.pathname}${link.search}`, { redirect: "manual" });
  if (response.status !== 302) throw new Error(`verification failed: ${response.status}`);
  if (response.headers.get("location")?.includes("error=")) {
    throw new Error(`verification refused: ${response.headers.get("location")}`);
  }
}

/**
 * Invites `user` into the owner's active workspace with `role` and accepts it as `user`, after
 * verifying `user`'s email (accepting requires a verified address).
 */
export async function addMember(api: TestApi, owner: TestUser, user: TestUser, role: string): Promise<void> {
  const invite = await call(api, "members.invite", {
    cookie: owner.cookie,
    type: "mutation",
    input: { email: user.email, role },
  });
  if (invite.status !== 200) throw new Error(`invite failed: ${JSON.stringify(invite.body)}`);
  await verifyEmail(api, user);
  const accepted = await authPost(
    api,
    "organization/accept-invitation",
    { invitationId: invite.body.result.data.invitationId },
    user.cookie,
  );
  if (accepted.status !== 200)
    throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
}
