import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, uploadDocument } from "./documents";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp } from "./identity";

/**
 * The home dashboard and the Usage chart over HTTP: figures belong to the caller's workspace only, the
 * current month agrees with the live meters, and out-of-range windows are a 400 VALIDATION_FAILED.
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ runWorkers: false });
});
afterAll(async () => {
  await api?.cleanup();
});

describe("usage.dashboard and usage.history", () => {
  it("counts this workspace's documents and gives every day of the window", async () => {
    const owner = await signUp(api, "Dashboard");
    await createWorkspace(api, owner, "Dashboard Co");
    const other = await signUp(api, "Elsewhere");
    await createWorkspace(api, other, "Elsewhere Co");
    await uploadDocument(api, owner, "marcus.txt", await fixture("resumes/marcus-lee.txt"));

    const mine = await call(api, "usage.dashboard", { cookie: owner.cookie });
    expect(mine.status).toBe(200);
    const { documents, activity } = mine.body.result.data;
    expect(documents.uploaded + documents.processing + documents.ready + documents.failed).toBe(1);
    expect(activity).toHaveLength(7);
    expect(activity.at(-1).day).toBe(new Date().toISOString().slice(0, 10));

    const theirs = await call(api, "usage.dashboard", { cookie: other.cookie, input: { days: 30 } });
    expect(theirs.body.result.data.documents).toEqual({ uploaded: 0, processing: 0, ready: 0, failed: 0 });
    expect(theirs.body.result.data.activity).toHaveLength(30);
  });

  it("shows the live request count for the current month", async () => {
    const owner = await signUp(api, "History");
    await createWorkspace(api, owner, "History Co");
    const current = await call(api, "usage.current", { cookie: owner.cookie });
    const history = await call(api, "usage.history", { cookie: owner.cookie, input: { months: 3 } });
    expect(history.status).toBe(200);
    const months = history.body.result.data;
    expect(months).toHaveLength(3);
    // Nothing is written behind without workers: the figure can only come from the live counter.
    expect(months.at(-1).requests).toBeGreaterThan(current.body.result.data.requests.used);
  });

  it("refuses a window outside its bounds", async () => {
    const owner = await signUp(api, "Bounds");
    await createWorkspace(api, owner, "Bounds Co");
    for (const [path, input] of [
      ["usage.dashboard", { days: 0 }],
      ["usage.dashboard", { days: 91 }],
      ["usage.history", { months: 25 }],
      ["usage.history", { months: 2, extra: true }],
    ] as const) {
      const result = await call(api, path, { cookie: owner.cookie, input });
      expect(result.status).toBe(400);
      expect(result.body.error.data.code).toBe("VALIDATION_FAILED");
    }
  });
});
