import { jobRuns } from "@vitae/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, followDocument, uploadDocument } from "./documents";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";

let api: TestApi;
let owner: TestUser;

beforeAll(async () => {
  api = await startTestApi();
  owner = await signUp(api, "Reingester");
  await createWorkspace(api, owner, "Reingest Co");
});
afterAll(async () => {
  await api?.cleanup();
});

function runsOf(documentId: string) {
  return api.deps.db
    .select({ id: jobRuns.id, status: jobRuns.status, attempts: jobRuns.attempts })
    .from(jobRuns)
    .where(sql`${jobRuns.payload}->>'documentId' = ${documentId}`)
    .orderBy(jobRuns.createdAt);
}

/** The document turns ready inside the handler; its run row is settled just after the handler returns. */
async function settledRunsOf(documentId: string) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const runs = await runsOf(documentId);
    if (runs.every((run) => run.status === "succeeded" || run.status === "failed")) return runs;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return runsOf(documentId);
}

function reingest(documentId: string) {
  return call(api, "documents.reingest", { cookie: owner.cookie, type: "mutation", input: { documentId } });
}

describe("documents.reingest", () => {
  it("ingests a processed document again, under a run of its own", async () => {
    const documentId = await uploadDocument(api, owner, "cv.txt", await fixture("resumes/marcus-lee.txt"));
    const ready = (await followDocument(api, owner, documentId)).at(-1);
    expect(ready?.status).toBe("ready");
    await settledRunsOf(documentId);

    const again = await reingest(documentId);

    expect(again.status).toBe(200);
    const answer = again.body.result.data;
    expect(answer).toMatchObject({ documentId, status: "uploaded" });
    // The reopened document itself, newer than anything a client saw before, so it can show the run at once.
    expect(answer.document).toMatchObject({
      id: documentId,
      status: "uploaded",
      errorCode: null,
      warnings: [],
      profileId: ready?.profileId,
    });
    expect(Date.parse(answer.document.updatedAt)).toBeGreaterThan(Date.parse(ready?.updatedAt ?? ""));
    const events = await followDocument(api, owner, documentId);
    expect(events.at(-1)).toMatchObject({ status: "ready", progress: 100 });
    const runs = await settledRunsOf(documentId);
    expect(runs).toHaveLength(2);
    expect(runs.map((run) => run.status)).toEqual(["succeeded", "succeeded"]);
    expect(runs[1]?.id).not.toBe(documentId);
    const audit = await call(api, "audit.list", { cookie: owner.cookie, input: {} });
    expect(audit.body.result.data.items.map((item: { action: string }) => item.action)).toContain(
      "documents.reingest",
    );
  });

  it("refuses while the current run is still queued or running, and changes nothing", async () => {
    const documentId = await uploadDocument(api, owner, "busy.txt", await fixture("resumes/ana-souza.txt"));
    await followDocument(api, owner, documentId);
    await settledRunsOf(documentId);
    // The run is back in a worker's hands (e.g. redelivered after a crash).
    await api.deps.db.update(jobRuns).set({ status: "running" }).where(eq(jobRuns.id, documentId));

    const refused = await reingest(documentId);

    expect(refused.status).toBe(409);
    expect(refused.body.error.data.code).toBe("CONFLICT");
    expect(await runsOf(documentId)).toHaveLength(1);
    const byId = await call(api, "documents.byId", { cookie: owner.cookie, input: { documentId } });
    expect(byId.body.result.data.status).toBe("ready");
  });
});
