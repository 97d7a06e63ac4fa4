import { randomBytes, randomUUID } from "node:crypto";
import {
  createImportUpload,
  createWorkspaceWithOwner,
  type Database,
  finalizeImportUpload,
  getImport,
  getJobRun,
  insertJobRun,
  users,
} from "@vitae/db";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { createLogger } from "@vitae/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failRunForGood } from "./exhaust-run";
import { analyseImportJob } from "./job-definitions";
import { prepareJobRun } from "./prepare-job-run";

const logger = createLogger({ level: "silent", format: "json", name: "analyse-exhausted-test" });

let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.handle.db;
});
afterAll(async () => {
  await testDb.drop();
});

/** An import finalized in a new workspace: `analysing`, its first run (id = import id) queued. */
async function analysingImport(): Promise<{ workspaceId: string; importId: string }> {
  const [user] = await db
    .insert(users)
    .values({ email: `i-${randomBytes(5).toString("hex")}@example.com`, name: "I" })
    .returning({ id: users.id });
  const workspace = await createWorkspaceWithOwner(db, { name: "Imports", ownerId: user?.id ?? "" });
  const importId = randomUUID();
  await createImportUpload(db, {
    id: importId,
    workspaceId: workspace.id,
    uploadedBy: null,
    entity: "employee",
    filename: "people.csv",
    contentType: "text/csv",
    size: 10,
    uploadKey: `workspaces/${workspace.id}/imports/${importId}/upload`,
    storedBytesLimit: 1000,
  });
  await finalizeImportUpload(db, {
    workspaceId: workspace.id,
    importId,
    analyseRun: prepareJobRun(
      analyseImportJob,
      { importId },
      { jobRunId: importId, workspaceId: workspace.id },
    ),
    audit: { workspaceId: workspace.id, actorType: "user", actorId: null, action: "imports.upload" },
  });
  return { workspaceId: workspace.id, importId };
}

describe("imports.analyse onExhausted", () => {
  it("fails the import with the run's code when its current run fails for good", async () => {
    const ref = await analysingImport();
    const run = await getJobRun(db, { id: ref.importId });
    if (run === undefined) throw new Error("no run");
    expect(await failRunForGood(db, { run, errorCode: "INTERNAL", errorMessage: "Gave up.", logger })).toBe(
      true,
    );
    expect(await getImport(db, ref)).toMatchObject({ status: "failed", errorCode: "INTERNAL" });
  });

  it("leaves the import alone when the exhausted run is not its current one", async () => {
    const ref = await analysingImport();
    const stray = await insertJobRun(db, {
      ...prepareJobRun(
        analyseImportJob,
        { importId: ref.importId },
        { jobRunId: randomUUID(), workspaceId: ref.workspaceId },
      ),
    });
    expect(
      await failRunForGood(db, { run: stray, errorCode: "INTERNAL", errorMessage: "Gave up.", logger }),
    ).toBe(true);
    expect(await getImport(db, ref)).toMatchObject({ status: "analysing", errorCode: null });
  });
});
