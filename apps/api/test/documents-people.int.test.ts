import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, followDocument, uploadDocument } from "./documents";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";

let api: TestApi;
let owner: TestUser;
let stranger: TestUser;
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi({ env: { RATE_LIMIT_UPLOAD_FREE: "1000/1h" } });
  owner = await signUp(api, "Recruiter");
  await createWorkspace(api, owner, "People Co");
  stranger = await signUp(api, "Stranger");
  await createWorkspace(api, stranger, "Elsewhere");
  for (const [key, file] of [
    ["marcus", "marcus-lee.txt"],
    ["ana", "ana-souza.docx"],
    ["marcusAgain", "marcus-lee.md"],
  ] as const) {
    ids[key] = await uploadDocument(api, owner, file, await fixture(`resumes/${file}`));
    await followDocument(api, owner, ids[key]);
  }
});
afterAll(async () => {
  await api?.cleanup();
});

type Item = {
  id: string;
  filename: string;
  person: { name: string | null; title: string | null; company: string | null } | null;
  duplicateOf: { documentId: string; filename: string; reason: string } | null;
};

async function list(user: TestUser, input: Record<string, unknown>): Promise<Item[]> {
  const answer = await call(api, "documents.list", { cookie: user.cookie, input });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.result.data.items;
}

describe("documents.list: people, not files", () => {
  it("names each person and their current role, and flags the same person uploaded twice", async () => {
    const items = await list(owner, {});
    const marcus = items.find((item) => item.id === ids.marcus);
    expect(marcus?.person?.name).toBe("Marcus Lee");
    expect(marcus?.person?.title).toEqual(expect.any(String));
    const again = items.find((item) => item.id === ids.marcusAgain);
    // The Markdown copy holds different bytes but the same email: the same person.
    expect(again?.duplicateOf).toEqual({
      documentId: ids.marcus,
      filename: "marcus-lee.txt",
      reason: "same-email",
    });
    expect(items.find((item) => item.id === ids.ana)?.duplicateOf).toBeNull();
  });

  it("searches by name, skill and company, filters by kind and status, and stays in the workspace", async () => {
    const found = async (input: Record<string, unknown>) =>
      (await list(owner, input)).map((item) => item.id).sort();
    expect(await found({ query: "Souza" })).toEqual([ids.ana]);
    expect(await found({ query: "airflow" })).toEqual([ids.marcus, ids.marcusAgain].sort());
    expect(await found({ query: "Orbital Retail" })).toEqual([ids.marcus, ids.marcusAgain].sort());
    expect(await found({ kinds: ["docx"] })).toEqual([ids.ana]);
    expect(await found({ statuses: ["failed"] })).toEqual([]);
    expect(await found({ query: "Marcus", kinds: ["text"], statuses: ["ready"], limit: 1 })).toHaveLength(1);
    expect(await list(stranger, { query: "Marcus" })).toEqual([]);
  });

  it("refuses a malformed filter with a stable code, never a 500", async () => {
    for (const input of [{ statuses: ["gone"] }, { kinds: ["exe"] }, { query: "x".repeat(201) }]) {
      const answer = await call(api, "documents.list", { cookie: owner.cookie, input });
      expect(answer.status).toBe(400);
      expect(answer.body.error.data.code).toBe("VALIDATION_FAILED");
    }
  });
});

describe("documents.source and date rules of profiles.update", () => {
  it("gives the text read from a document, only in its workspace", async () => {
    const answer = await call(api, "documents.source", {
      cookie: owner.cookie,
      input: { documentId: ids.ana },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.result.data.kind).toBe("docx");
    expect(answer.body.result.data.text).toContain("Ana Souza");
    const foreign = await call(api, "documents.source", {
      cookie: stranger.cookie,
      input: { documentId: ids.ana },
    });
    expect(foreign.status).toBe(404);
  });

  it("refuses a start in the future or an end before the start, naming the field", async () => {
    const profile = (
      await call(api, "profiles.byDocument", { cookie: owner.cookie, input: { documentId: ids.marcus } })
    ).body.result.data;
    const id = profile.experiences[0].id;
    const nextYear = `${new Date().getUTCFullYear() + 1}-03`;
    const update = (experience: Record<string, unknown>) =>
      call(api, "profiles.update", {
        cookie: owner.cookie,
        type: "mutation",
        input: { profileId: profile.id, patch: { experiences: [{ id, ...experience }] } },
      });
    const future = await update({ start: nextYear, end: "present" });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body.error)).toContain("The start cannot be in the future.");
    const backwards = await update({ start: "2020-05", end: "2019-01" });
    expect(backwards.status).toBe(400);
    // Only the start is sent: the stored end decides.
    const stored = profile.experiences.find(
      (fact: { end: string | null }) => fact.end !== null && fact.end !== "present",
    );
    if (stored !== undefined) {
      const late = await call(api, "profiles.update", {
        cookie: owner.cookie,
        type: "mutation",
        input: { profileId: profile.id, patch: { experiences: [{ id: stored.id, start: "2025-12" }] } },
      });
      expect(late.status).toBe(400);
    }
    const after = (
      await call(api, "profiles.byId", { cookie: owner.cookie, input: { profileId: profile.id } })
    ).body.result.data;
    expect(after.experiences).toEqual(profile.experiences);
  });
});
