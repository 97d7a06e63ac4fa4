import { shareLinks } from "@vitae/db";
import { startTestLlmServer, type TestLlmServer } from "@vitae/llm/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, followDocument, uploadDocument } from "./documents";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";
import { readTrpcSse } from "./sse";

/**
 * Finding 6: a stranger holding a share link asked "How can I contact him?" and got the owner's email
 * and phone. Contact details now reach visitors only through links that chose to show them, and every
 * link expires.
 */
const contactDetails = ["marcus.lee@example.org", "555-0148", "marcuslee.dev"];
const contactQuestions = [
  "How can I contact him?",
  "What is his email address?",
  "What's his phone number?",
  "Does he have a website or a LinkedIn?",
  "Is he available? How do I get in touch?",
  "Tell me about him",
];
const dayMs = 86_400_000;

let llm: TestLlmServer;
let api: TestApi;
let owner: TestUser;
let profileId: string;

beforeAll(async () => {
  llm = await startTestLlmServer({ apiKey: "share-llm-key-0123456789" });
  // Unscripted calls fail, so answers come from basic mode unless a test scripts the LLM's reply.
  llm.setFallback(() => ({ type: "error", status: 500 }));
  api = await startTestApi({
    env: {
      LLM_BASE_URL: llm.url,
      LLM_MODEL: "chat-model",
      LLM_API_KEY: "share-llm-key-0123456789",
      RATE_LIMIT_UPLOAD_FREE: "1000/1h",
    },
  });
  owner = await signUp(api, "Sharer");
  await createWorkspace(api, owner, "Share Co");
  const documentId = await uploadDocument(api, owner, "marcus.txt", await fixture("resumes/marcus-lee.txt"));
  profileId = (await followDocument(api, owner, documentId)).at(-1)?.profileId ?? "";
});
afterAll(async () => {
  await api?.cleanup();
  await llm?.close();
});

const leaked = (value: unknown) => contactDetails.filter((detail) => JSON.stringify(value).includes(detail));

async function createLink(input: Record<string, unknown> = {}) {
  const result = await call(api, "shareLinks.create", {
    cookie: owner.cookie,
    type: "mutation",
    input: { profileId, ...input },
  });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body.result.data;
}

const updateLink = (input: Record<string, unknown>) =>
  call(api, "shareLinks.update", { cookie: owner.cookie, type: "mutation", input });

async function visitorAsks(token: string, question: string) {
  const result = await call(api, "public.ask", { type: "mutation", input: { token, question } });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body.result.data;
}

describe("contact details on share links", () => {
  it("the owner's own chat answers them (the profile does hold them)", async () => {
    const result = await call(api, "chat.ask", {
      cookie: owner.cookie,
      type: "mutation",
      input: { profileId, question: "How can I contact him?" },
    });
    expect(leaked(result.body.result.data.answer)).toEqual(contactDetails);
  });

  it("a link made with the defaults never gives a visitor the owner's email, phone or links", async () => {
    const link = await createLink();
    expect(link.showContact).toBe(false);
    for (const question of contactQuestions) {
      expect(leaked(await visitorAsks(link.token, question)), question).toEqual([]);
    }
    const input = encodeURIComponent(JSON.stringify({ token: link.token, question: contactQuestions[0] }));
    const events = [];
    for await (const event of readTrpcSse(
      `${api.url}/trpc/public.stream?input=${input}`,
      AbortSignal.timeout(20_000),
    )) {
      events.push(event);
    }
    expect(events.at(-1)).toMatchObject({ kind: "data", value: { type: "done" } });
    expect(leaked(events)).toEqual([]);
    expect(leaked((await call(api, "public.profile", { input: { token: link.token } })).body)).toEqual([]);
  });

  it("the LLM is never given them, so it cannot answer them either", async () => {
    const link = await createLink();
    llm.reset();
    llm.setFallback(() => ({ type: "error", status: 500 }));
    // What a model that saw the contact fact would answer: placeholders the pipeline restores for contact questions.
    llm.enqueue({
      type: "chat",
      content: `You can reach him at {{EMAIL_1}} or {{PHONE_2}} [${profileId}:contact].`,
    });
    const answer = await visitorAsks(link.token, "How can I contact him?");
    expect(leaked(answer)).toEqual([]);
    const prompts = llm.requestsTo("/chat/completions").map((request) => JSON.stringify(request.body));
    for (const prompt of prompts) {
      expect(prompt).not.toMatch(/\{\{(EMAIL|PHONE)_\d+\}\}/);
      expect(leaked(prompt)).toEqual([]);
    }
    llm.reset();
    llm.setFallback(() => ({ type: "error", status: 500 }));
  });

  it("a link that chooses to show them does, and the owner can switch that off and on again", async () => {
    const link = await createLink({ showContact: true });
    expect(link.showContact).toBe(true);
    expect(leaked(await visitorAsks(link.token, "What is his email address?"))).toContain(
      "marcus.lee@example.org",
    );

    const hidden = await updateLink({ shareLinkId: link.id, showContact: false });
    expect(hidden.body.result.data.showContact).toBe(false);
    expect(leaked(await visitorAsks(link.token, "What is his email address?"))).toEqual([]);

    await updateLink({ shareLinkId: link.id, showContact: true });
    expect(leaked(await visitorAsks(link.token, "What is his email address?"))).toContain(
      "marcus.lee@example.org",
    );

    const audit = await call(api, "audit.list", {
      cookie: owner.cookie,
      input: { action: "share-links.update" },
    });
    expect(audit.body.result.data.items.map((item: { targetId: string }) => item.targetId)).toContain(
      link.id,
    );
  });
});

describe("share-link expiry", () => {
  const expectDaysAhead = (iso: string, days: number) => {
    const ahead = new Date(iso).getTime() - Date.now();
    expect(ahead).toBeGreaterThan(days * dayMs - 5 * 60_000);
    expect(ahead).toBeLessThanOrEqual(days * dayMs);
  };

  it("every link expires: in 30 days unless chosen, never more than a year ahead", async () => {
    expectDaysAhead((await createLink()).expiresAt, 30);
    expectDaysAhead((await createLink({ expiresInDays: 7 })).expiresAt, 7);
    const tooLong = await call(api, "shareLinks.create", {
      cookie: owner.cookie,
      type: "mutation",
      input: { profileId, expiresInDays: 366 },
    });
    expect(tooLong.status).toBe(400);
    const never = await call(api, "shareLinks.create", {
      cookie: owner.cookie,
      type: "mutation",
      input: { profileId, expiresInDays: null },
    });
    expect(never.status).toBe(400);
  });

  it("an owner extends a link within the limit; an expired link answers nothing", async () => {
    const link = await createLink({ expiresInDays: 1 });
    const extended = await updateLink({ shareLinkId: link.id, expiresInDays: 90 });
    expectDaysAhead(extended.body.result.data.expiresAt, 90);
    expect((await updateLink({ shareLinkId: link.id, expiresInDays: 366 })).status).toBe(400);
    expect((await updateLink({ shareLinkId: link.id })).status).toBe(400);

    await api.deps.db
      .update(shareLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(shareLinks.id, link.id));
    const afterExpiry = await call(api, "public.ask", {
      type: "mutation",
      input: { token: link.token, question: "Hello?" },
    });
    expect(afterExpiry.status).toBe(404);
  });
});
