import { randomBytes, randomUUID } from "node:crypto";
import {
  createExport,
  createWorkspaceWithOwner,
  type Database,
  getExport,
  getJobRun,
  markExportReady,
  markExportRunning,
  users,
} from "@vitae/db";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { createLogger } from "@vitae/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failRunForGood } from "./exhaust-run";
import { renderProfileExportJob } from "./export-jobs";
import { prepareJobRun } from "./prepare-job-run";

const logger = createLogger({ level: "silent", format: "json", name: "export-exhausted-test" });

let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.handle.db;
});
afterAll(async () => {
  await testDb.drop();
});

/** A queued profile export in a new workspace, its run (id = export id) queued. */
async function queuedExport(): Promise<{ workspaceId: string; exportId: string }> {
  const [user] = await db
    .insert(users)
    .values({ email: `e-${randomBytes(5).toString("hex")}@example.com`, name: "E" })
    .returning({ id: users.id });
  const workspace = await createWorkspaceWithOwner(db, { name: "Exports", ownerId: user?.id ?? "" });
  const exportId = randomUUID();
  await createExport(db, {
    id: exportId,
    workspaceId: workspace.id,
    createdBy: null,
    source: { kind: "profile", profileId: randomUUID(), format: "pdf", template: "classic" },
    contentType: "application/pdf",
    filename: "resume.pdf",
    ttlSeconds: 3600,
    storedBytesLimit: 1000,
    run: prepareJobRun(
      renderProfileExportJob,
      { exportId },
      { jobRunId: exportId, workspaceId: workspace.id },
    ),
    audit: { workspaceId: workspace.id, actorType: "user", actorId: null, action: "exports.create" },
  });
  return { workspaceId: workspace.id, exportId };
}

describe("export jobs onExhausted", () => {
  it("fails the export when its run fails for good, storing an infrastructure code as EXPORT_FAILED", async () => {
    const ref = await queuedExport();
    const run = await getJobRun(db, { id: ref.exportId });
    if (run === undefined) throw new Error("no run");
    expect(
      await failRunForGood(db, { run, errorCode: "SERVICE_UNAVAILABLE", errorMessage: "Gave up.", logger }),
    ).toBe(true);
    expect(await getExport(db, ref)).toMatchObject({ status: "failed", errorCode: "EXPORT_FAILED" });
    expect((await getExport(db, ref))?.expiresAt).not.toBeNull();
  });

  it("leaves an export that already finished as it is", async () => {
    const ref = await queuedExport();
    await markExportRunning(db, ref);
    await markExportReady(db, { ...ref, size: 10, sha256: "b".repeat(64) });
    const run = await getJobRun(db, { id: ref.exportId });
    if (run === undefined) throw new Error("no run");
    await failRunForGood(db, { run, errorCode: "INTERNAL", errorMessage: "Gave up.", logger });
    expect(await getExport(db, ref)).toMatchObject({ status: "ready", errorCode: null });
  });
});
