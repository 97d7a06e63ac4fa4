import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";
import { createPosting, uploadProfile } from "./matches";
import { readTrpcSse } from "./sse";

let api: TestApi;
let owner: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  api = await startTestApi();
  owner = await signUp(api, "RankWatcher");
  await createWorkspace(api, owner, "Watch Co");
  outsider = await signUp(api, "Outsider");
  await createWorkspace(api, outsider, "Elsewhere");
  for (const name of ["marcus-lee", "ana-souza"]) await uploadProfile(api, owner, name);
});
afterAll(async () => {
  await api?.cleanup();
});

type Event = { rankingId: string; status: string; progress: number; total: number; scored: number };

const url = (rankingId: string) =>
  `${api.url}/trpc/matches.rankProgress?input=${encodeURIComponent(JSON.stringify({ rankingId }))}`;

async function follow(rankingId: string, user = owner): Promise<Event[]> {
  const events: Event[] = [];
  for await (const event of readTrpcSse(url(rankingId), AbortSignal.timeout(30_000), {
    cookie: user.cookie,
  })) {
    if (event.kind === "error") throw new Error(JSON.stringify(event.error));
    const value = event.value as Event;
    events.push(value);
    if (value.status !== "queued" && value.status !== "running") break;
  }
  return events;
}

describe("matches.rankProgress", () => {
  it("streams a ranking from its start until every profile is scored; a settled one ends at once", async () => {
    const postingId = await createPosting(api, owner);
    const started = await call(api, "matches.rank", {
      cookie: owner.cookie,
      type: "mutation",
      input: { postingId },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const rankingId = started.body.result.data.rankingId as string;
    const events = await follow(rankingId);
    for (const event of events) expect(event.rankingId).toBe(rankingId);
    const progress = events.map((event) => event.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ status: "succeeded", progress: 100, total: 2, scored: 2 });

    const again = await follow(rankingId);
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ status: "succeeded", progress: 100 });
  });

  it("answers NOT_FOUND for another workspace's ranking and an unknown one", async () => {
    const postingId = await createPosting(api, owner);
    const started = await call(api, "matches.rank", {
      cookie: owner.cookie,
      type: "mutation",
      input: { postingId },
    });
    const rankingId = started.body.result.data.rankingId as string;
    for (const [id, user] of [
      [rankingId, outsider],
      ["6f1d1b0e-0000-4000-8000-000000000000", owner],
    ] as const) {
      const denied = await readTrpcSse(url(id), AbortSignal.timeout(10_000), { cookie: user.cookie }).next();
      expect(denied.value).toMatchObject({ kind: "error", error: { data: { code: "NOT_FOUND" } } });
    }
  });
});
