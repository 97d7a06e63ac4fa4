import { chatTurns } from "@vitae/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, followDocument, uploadDocument } from "./documents";
import { startTestApi, type TestApi } from "./harness";
import { createKey, createWorkspace, signUp, type TestUser } from "./identity";
import { readJson } from "./json";

/**
 * Finding 7: a page on another origin navigated the victim's browser to a `chat.stream` GET; the
 * session cookie (SameSite=Lax rides along with top-level navigations) recorded a chat turn as the
 * victim. Browsers label such requests with `Sec-Fetch-Site` and `Origin`, which page script cannot forge.
 */
const trustedCorsOrigin = "https://app.example.com";

let api: TestApi;
let victim: TestUser;
let workspaceId: string;
let profileId: string;

beforeAll(async () => {
  api = await startTestApi({ env: { CORS_ORIGINS: trustedCorsOrigin } });
  victim = await signUp(api, "Victim");
  workspaceId = await createWorkspace(api, victim, "Victim Co");
  const documentId = await uploadDocument(api, victim, "cv.txt", await fixture("resumes/marcus-lee.txt"));
  profileId = (await followDocument(api, victim, documentId)).at(-1)?.profileId ?? "";
});
afterAll(async () => {
  await api?.cleanup();
});

const turnsRecorded = async () =>
  (
    await api.deps.db
      .select({ id: chatTurns.id })
      .from(chatTurns)
      .where(eq(chatTurns.workspaceId, workspaceId))
  ).length;

/** `chat.stream` as a browser navigation to it would send it: the victim's cookie plus `headers`. */
const streamAsBrowser = (headers: Record<string, string>, credentials: Record<string, string> = {}) => {
  const input = encodeURIComponent(JSON.stringify({ profileId, question: "Where does he work?" }));
  return fetch(`${api.url}/trpc/chat.stream?input=${input}`, {
    headers: { cookie: victim.cookie, accept: "text/event-stream", ...credentials, ...headers },
    signal: AbortSignal.timeout(20_000),
  });
};

const expectRefused = async (response: Response) => {
  expect(response.status).toBe(403);
  expect(await readJson(response)).toEqual({
    code: "FORBIDDEN",
    message: expect.any(String),
    requestId: response.headers.get("x-request-id"),
  });
  expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
};

describe("cross-site calls with the session cookie", () => {
  it("a foreign page's navigation to chat.stream is refused and records no turn", async () => {
    const before = await turnsRecorded();
    await expectRefused(
      await streamAsBrowser({
        "sec-fetch-site": "cross-site",
        "sec-fetch-mode": "navigate",
        "sec-fetch-dest": "document",
      }),
    );
    expect(await turnsRecorded()).toBe(before);
  });

  it("a sibling origin of the same site is refused too", async () => {
    await expectRefused(
      await streamAsBrowser({ "sec-fetch-site": "same-site", origin: "https://evil.127.0.0.1" }),
    );
  });

  it("a foreign Origin is refused for queries and mutations, also from browsers without Sec-Fetch-*", async () => {
    await expectRefused(
      await fetch(`${api.url}/trpc/workspaces.list`, {
        headers: { cookie: victim.cookie, origin: "https://evil.example.net" },
      }),
    );
    await expectRefused(
      await fetch(`${api.url}/trpc/workspaces.create`, {
        method: "POST",
        headers: { cookie: victim.cookie, origin: "null", "content-type": "application/json" },
        body: JSON.stringify({ name: "Planted" }),
      }),
    );
  });

  it("the app's own pages, trusted origins, typed URLs and non-browser clients still work", async () => {
    const before = await turnsRecorded();
    const sameOrigin = await streamAsBrowser({ "sec-fetch-site": "same-origin", origin: api.url });
    expect(sameOrigin.status).toBe(200);
    await sameOrigin.text();
    expect(await turnsRecorded()).toBe(before + 1);
    const allowed: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site", origin: trustedCorsOrigin },
      { "sec-fetch-site": "none" },
      { origin: api.url },
      {},
    ];
    for (const headers of allowed) {
      const response = await fetch(`${api.url}/trpc/workspaces.list`, {
        headers: { cookie: victim.cookie, ...headers },
      });
      expect(response.status, JSON.stringify(headers)).toBe(200);
      await response.body?.cancel();
    }
  });

  it("API keys are unaffected: a bearer call from anywhere is judged by its key alone", async () => {
    const { key } = await createKey(api, victim, ["usage:read"]);
    const response = await fetch(`${api.url}/trpc/usage.current`, {
      headers: {
        authorization: `Bearer ${key}`,
        cookie: victim.cookie,
        origin: "https://evil.example.net",
        "sec-fetch-site": "cross-site",
      },
    });
    expect(response.status).toBe(200);
    await response.body?.cancel();
  });
});
