import { randomBytes } from "node:crypto";
import { once } from "node:events";
import type { Database } from "@vitae/db";
import { createTestDatabase, createTestPglite } from "@vitae/db/testing";
import { createRedis } from "@vitae/redis";
import { createTestPrefix, deleteKeysByPrefix, getTestRedisUrl } from "@vitae/redis/testing";
import type { Redis } from "ioredis";
import type { AuthEvent } from "./auth-events";
import { type CreateAuthOptions, createAuth, type VitaeAuth } from "./create-auth";
import { createOutboxMailer, type Mailer, type MailMessage } from "./mailer";

/** Test support: a real `createAuth` on a fresh database and Redis prefix, plus HTTP helpers. */
export interface AuthHarness {
  auth: VitaeAuth;
  db: Database;
  redis: Redis;
  prefix: string;
  /** The secret the harness signed cookies with (for a second instance over the same stores). */
  secret: string;
  events: AuthEvent[];
  /** Every message the mailer was given, oldest first (an in-memory outbox). */
  mail: MailMessage[];
  mailer: Mailer;
  baseUrl: string;
  /** Calls `auth.handler` like a browser on `baseUrl` would (JSON body, Origin, optional cookie). */
  request(
    path: string,
    init?: { method?: string; body?: unknown; cookie?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Signs up a fresh user and returns its id, email, password and session cookie header. */
  signUp(overrides?: { email?: string; password?: string; name?: string }): Promise<TestUser>;
  /** Opens the newest verification link mailed to `email` (as clicking it would); returns the response. */
  verifyEmail(email: string): Promise<Response>;
  close(): Promise<void>;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  cookie: string;
}

/** `name=value; name2=value2` from a response's Set-Cookie headers, for the next request's Cookie. */
export function cookieHeaderFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";", 1)[0] ?? "")
    .filter((pair) => pair !== "" && !pair.endsWith("="))
    .join("; ");
}

/** The Set-Cookie line of the session cookie (throws when the response sets none). */
export function sessionCookieLine(response: Response): string {
  const line = response.headers.getSetCookie().find((cookie) => cookie.includes("session_token="));
  if (line === undefined) throw new Error("no session cookie set");
  return line;
}

export async function openAuthHarness(
  driver: "postgres" | "pglite",
  overrides: Partial<CreateAuthOptions> = {},
): Promise<AuthHarness> {
  const database = driver === "postgres" ? await createTestDatabase() : await createTestPglite();
  const redis = createRedis(getTestRedisUrl(), { role: "client" });
  await once(redis, "ready");
  const prefix = createTestPrefix();
  const events: AuthEvent[] = [];
  const mail: MailMessage[] = [];
  const mailer = createOutboxMailer(async (message) => {
    mail.push(message);
  });
  const baseUrl = overrides.baseUrl ?? "http://localhost:3000";
  const secret = randomBytes(32).toString("base64url");
  const auth = createAuth({
    db: database.handle.db,
    redis,
    redisPrefix: prefix,
    secret,
    baseUrl,
    trustedOrigins: [],
    mailer,
    onEvent: (event) => {
      events.push(event);
    },
    ...overrides,
  });

  const request: AuthHarness["request"] = (path, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set("origin", baseUrl);
    if (init.body !== undefined) headers.set("content-type", "application/json");
    if (init.cookie !== undefined) headers.set("cookie", init.cookie);
    return auth.handler(
      new Request(`${baseUrl}/api/auth${path}`, {
        method: init.method ?? (init.body === undefined ? "GET" : "POST"),
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    );
  };

  let counter = 0;
  const signUp: AuthHarness["signUp"] = async (values = {}) => {
    counter += 1;
    const email = values.email ?? `user${counter}-${randomBytes(3).toString("hex")}@example.com`;
    const password = values.password ?? `pw-${randomBytes(12).toString("base64url")}`;
    const response = await request("/sign-up/email", {
      body: { email, password, name: values.name ?? `User ${counter}` },
    });
    if (response.status !== 200)
      throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
    // Sign-up never signs in (autoSignIn is off so it answers alike for existing emails).
    const signedIn = await request("/sign-in/email", { body: { email, password } });
    if (signedIn.status !== 200)
      throw new Error(`sign-in failed: ${signedIn.status} ${await signedIn.text()}`);
    const body = (await signedIn.json()) as { user: { id: string } };
    return { id: body.user.id, email: email.toLowerCase(), password, cookie: cookieHeaderFrom(signedIn) };
  };

  const verifyEmail: AuthHarness["verifyEmail"] = async (email) => {
    // Mail is sent in the background after the answer: wait for it a bounded number of turns.
    for (let turn = 0; turn < 200; turn += 1) {
      const message = mail.findLast((entry) => entry.to === email.toLowerCase());
      if (message !== undefined) {
        const link = new URL(message.link);
        return auth.handler(new Request(`${baseUrl}${link.pathname}${link.search}`, { redirect: "manual" }));
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no verification mail for ${email}`);
  };

  return {
    auth,
    db: database.handle.db,
    redis,
    prefix,
    secret,
    events,
    mail,
    mailer,
    baseUrl,
    request,
    signUp,
    verifyEmail,
    async close() {
      await deleteKeysByPrefix(redis, prefix);
      await redis.quit();
      await database.drop();
    },
  };
}
