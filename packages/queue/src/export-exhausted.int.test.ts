import { randomUUID } from "node:crypto";
import { createExport, getExport, getJobRun, markExportReady, markExportRunning } from "@vitae/db";
import { describe, expect, it } from "vitest";
import { failRunForGood } from "./exhaust-run";
import { createOwnedWorkspace, silentTestLogger, useExhaustedTestDatabase } from "./exhausted-test-setup";
import { renderProfileExportJob } from "./export-jobs";
import { prepareJobRun } from "./prepare-job-run";

const logger = silentTestLogger("export-exhausted-test");
const testDatabase = useExhaustedTestDatabase();

/** A queued profile export in a new workspace, its run (id = export id) queued. */
async function queuedExport(): Promise<{ workspaceId: string; exportId: string }> {
  const db = testDatabase();
  const workspaceId = await createOwnedWorkspace(db, "Exports");
  const exportId = randomUUID();
  await createExport(db, {
    id: exportId,
    workspaceId,
    createdBy: null,
    source: { kind: "profile", profileId: randomUUID(), format: "pdf", template: "classic" },
    contentType: "application/pdf",
    filename: "resume.pdf",
    ttlSeconds: 3600,
    storedBytesLimit: 1000,
    run: prepareJobRun(renderProfileExportJob, { exportId }, { jobRunId: exportId, workspaceId }),
    audit: { workspaceId, actorType: "user", actorId: null, action: "exports.create" },
  });
  return { workspaceId, exportId };
}

describe("export jobs onExhausted", () => {
  it("fails the export when its run fails for good, storing an infrastructure code as EXPORT_FAILED", async () => {
    const db = testDatabase();
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
    const db = testDatabase();
    const ref = await queuedExport();
    await markExportRunning(db, ref);
    await markExportReady(db, { ...ref, size: 10, sha256: "b".repeat(64) });
    const run = await getJobRun(db, { id: ref.exportId });
    if (run === undefined) throw new Error("no run");
    await failRunForGood(db, { run, errorCode: "INTERNAL", errorMessage: "Gave up.", logger });
    expect(await getExport(db, ref)).toMatchObject({ status: "ready", errorCode: null });
  });
});
