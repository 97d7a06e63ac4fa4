import { once } from "node:events";
import { createRedis } from "@vitae/redis";
import { getTestRedisUrl } from "@vitae/redis/testing";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, followDocument, uploadDocument } from "./documents";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";

/** Marcus Lee (the fixture résumé) has Python, Airflow and Snowflake; no Kubernetes, no Rust. */
const postingText = [
  "Senior Data Engineer",
  "",
  "Requirements",
  "- Python",
  "- Airflow and Snowflake",
  "- Kubernetes",
  "",
  "Nice to have",
  "- Rust",
].join("\n");

let api: TestApi;
let redis: Redis;
let owner: TestUser;
let outsider: TestUser;
let profileId: string;

beforeAll(async () => {
  api = await startTestApi();
  owner = await signUp(api, "Matcher");
  await createWorkspace(api, owner, "Match Co");
  outsider = await signUp(api, "Outsider");
  await createWorkspace(api, outsider, "Elsewhere");
  const documentId = await uploadDocument(api, owner, "marcus.txt", await fixture("resumes/marcus-lee.txt"));
  profileId = (await followDocument(api, owner, documentId)).at(-1)?.profileId ?? "";
  redis = createRedis(getTestRedisUrl(), { role: "client" });
  await once(redis, "ready");
});
afterAll(async () => {
  await redis?.quit();
  await api?.cleanup();
});

const createPosting = (user: TestUser, input: unknown) =>
  call(api, "postings.create", { cookie: user.cookie, type: "mutation", input });
const score = (user: TestUser, input: { profileId: string; postingId: string }) =>
  call(api, "matches.score", { cookie: user.cookie, input });

async function newPosting(user: TestUser, text = postingText): Promise<string> {
  const created = await createPosting(user, { text, title: "Senior Data Engineer", company: "Acme" });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return created.body.result.data.postingId;
}

type Requirement = { id: string; kind: string; text: string; canonical: string | null };
type RequirementResult = { requirementId: string; status: string; evidence: { factId: string }[] };

async function requirementsOf(postingId: string): Promise<Requirement[]> {
  return (await call(api, "postings.byId", { cookie: owner.cookie, input: { postingId } })).body.result.data
    .requirements;
}

function statusOf(result: { requirements: RequirementResult[] }, requirementId: string | undefined) {
  return result.requirements.find((item) => item.requirementId === requirementId)?.status;
}

async function matchKeys(): Promise<string[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", `${api.prefix}:match:score:*`, "COUNT", 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== "0");
  return keys;
}

describe("postings", () => {
  it("stores a posting with its requirements and spans into its text, lists and deletes it (audited)", async () => {
    const postingId = await newPosting(owner);
    const read = await call(api, "postings.byId", { cookie: owner.cookie, input: { postingId } });
    expect(read.status).toBe(200);
    const posting = read.body.result.data;
    expect(posting).toMatchObject({ id: postingId, title: "Senior Data Engineer", company: "Acme" });
    expect(posting.text).toBe(postingText);
    const canonicals = posting.requirements.map((requirement: Requirement) => requirement.canonical);
    expect(canonicals).toEqual(
      expect.arrayContaining(["Python", "Apache Airflow", "Snowflake", "Kubernetes", "Rust"]),
    );
    for (const requirement of posting.requirements as (Requirement & {
      span: { start: number; end: number };
    })[]) {
      expect(postingText.slice(requirement.span.start, requirement.span.end).length).toBeGreaterThan(0);
    }

    const listed = await call(api, "postings.list", { cookie: owner.cookie, input: {} });
    expect(listed.body.result.data.items.map((item: { id: string }) => item.id)).toContain(postingId);

    const removed = await call(api, "postings.delete", {
      cookie: owner.cookie,
      type: "mutation",
      input: { postingId },
    });
    expect(removed.status).toBe(200);
    expect((await call(api, "postings.byId", { cookie: owner.cookie, input: { postingId } })).status).toBe(
      404,
    );
    expect((await score(owner, { profileId, postingId })).status).toBe(404);

    const audit = await call(api, "audit.list", { cookie: owner.cookie, input: {} });
    const actions = audit.body.result.data.items
      .filter((item: { targetId: string }) => item.targetId === postingId)
      .map((item: { action: string }) => item.action);
    expect(actions.sort()).toEqual(["postings.create", "postings.delete"]);
  });

  it("reads a long posting whole and refuses oversized, NUL-laden or blank ones with a 400, never a 500", async () => {
    const words = "Python Kubernetes stakeholder go-to-market ".repeat(1_100).slice(0, 49_900);
    const long = await newPosting(owner, `${words}\n\nRequirements\n- Terraform`);
    // The requirement after 49,900 characters of noise is still extracted: nothing is truncated.
    expect((await requirementsOf(long)).map((requirement) => requirement.canonical)).toContain("Terraform");
    expect((await score(owner, { profileId, postingId: long })).status).toBe(200);

    const hostile = [
      { text: "Python ".repeat(30_000) },
      { text: "Python\u0000Kubernetes" },
      { text: "Python", title: "Data\u0000Engineer" },
      { text: "   \n\t  " },
    ];
    for (const input of hostile) {
      const refused = await createPosting(owner, input);
      expect(refused.status, JSON.stringify(refused.body).slice(0, 300)).toBe(400);
    }
  });
});

describe("matches.score", () => {
  it("explains the score with evidence from this profile's facts and lists what it lacks", async () => {
    const postingId = await newPosting(owner);
    const requirements = await requirementsOf(postingId);
    const result = await score(owner, { profileId, postingId });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    const match = result.body.result.data;
    expect(match.scorerVersion).toBe("match-1");
    expect(match.score).toBeGreaterThan(0);
    expect(match.score).toBeLessThan(100);

    const view = (await call(api, "profiles.byId", { cookie: owner.cookie, input: { profileId } })).body
      .result.data;
    const factIds = new Set<string>([
      `${profileId}:summary`,
      ...["experiences", "education", "projects", "skills"].flatMap((section) =>
        (view[section] as { id: string }[]).map((fact) => fact.id),
      ),
    ]);
    const python = requirements.find((requirement) => requirement.canonical === "Python");
    const pythonResult = match.requirements.find(
      (item: RequirementResult) => item.requirementId === python?.id,
    ) as RequirementResult;
    expect(pythonResult.status).toBe("met");
    expect(pythonResult.evidence.length).toBeGreaterThan(0);
    const cited = match.requirements.flatMap((item: RequirementResult) => item.evidence.map((e) => e.factId));
    for (const factId of cited) expect(factIds).toContain(factId);

    const kubernetes = requirements.find((requirement) => requirement.canonical === "Kubernetes");
    const rust = requirements.find((requirement) => requirement.canonical === "Rust");
    expect(statusOf(match, kubernetes?.id)).toBe("missing");
    // Musts first: Kubernetes (must) is listed before Rust (nice).
    expect(match.missing.map((item: { requirementId: string }) => item.requirementId)).toEqual([
      kubernetes?.id,
      rust?.id,
    ]);
    expect(match.missing[0]).toMatchObject({ weight: "must", kind: kubernetes?.kind });
    expect(match.breakdown.must.missing).toBe(1);
  });

  it("is deterministic across calls and cached in Redis under the instance's prefix with a TTL", async () => {
    const postingId = await newPosting(owner);
    const first = await score(owner, { profileId, postingId });
    const keys = (await matchKeys()).filter((key) => key.includes(postingId));
    expect(keys).toHaveLength(1);
    expect(await redis.ttl(keys[0] ?? "")).toBeGreaterThan(0);
    await redis.del(keys[0] ?? "");
    const recomputed = await score(owner, { profileId, postingId });
    const cached = await score(owner, { profileId, postingId });
    expect(recomputed.body.result.data).toEqual(first.body.result.data);
    expect(cached.body.result.data).toEqual(first.body.result.data);
    // A damaged entry is a miss, recomputed and overwritten, never a 500.
    await redis.set(keys[0] ?? "", "{not json", "EX", 60);
    const repaired = await score(owner, { profileId, postingId });
    expect(repaired.body.result.data).toEqual(first.body.result.data);
    expect(JSON.parse((await redis.get(keys[0] ?? "")) ?? "null")).toMatchObject({
      score: first.body.result.data.score,
    });
  });

  it("sees a correction of the profile at once (the cache is keyed by the profile's version)", async () => {
    const postingId = await newPosting(owner);
    const kubernetes = (await requirementsOf(postingId)).find(
      (requirement) => requirement.canonical === "Kubernetes",
    );
    const before = (await score(owner, { profileId, postingId })).body.result.data;
    expect(statusOf(before, kubernetes?.id)).toBe("missing");
    const corrected = await call(api, "profiles.update", {
      cookie: owner.cookie,
      type: "mutation",
      input: { profileId, patch: { summary: "Data engineer who runs Airflow on Kubernetes clusters." } },
    });
    expect(corrected.status).toBe(200);
    const after = (await score(owner, { profileId, postingId })).body.result.data;
    expect(statusOf(after, kubernetes?.id)).toBe("met");
    expect(after.score).toBeGreaterThan(before.score);
  });

  it("treats another workspace's posting or profile as missing", async () => {
    const ownPosting = await newPosting(owner);
    const foreignPosting = await newPosting(outsider);
    const foreignPostingScore = await score(owner, { profileId, postingId: foreignPosting });
    expect(foreignPostingScore.status).toBe(404);
    expect(foreignPostingScore.body.error.data.code).toBe("NOT_FOUND");
    expect((await score(outsider, { profileId, postingId: foreignPosting })).status).toBe(404);
    expect((await score(outsider, { profileId, postingId: ownPosting })).status).toBe(404);
    expect(
      (await call(api, "postings.byId", { cookie: outsider.cookie, input: { postingId: ownPosting } }))
        .status,
    ).toBe(404);
    const deleted = await call(api, "postings.delete", {
      cookie: outsider.cookie,
      type: "mutation",
      input: { postingId: ownPosting },
    });
    expect(deleted.status).toBe(404);
    expect((await requirementsOf(ownPosting)).length).toBeGreaterThan(0);
  });
});
