import { randomUUID } from "node:crypto";
import { createImportUpload, finalizeImportUpload, getImport, getJobRun, insertJobRun } from "@vitae/db";
import { describe, expect, it } from "vitest";
import { failRunForGood } from "./exhaust-run";
import { createOwnedWorkspace, silentTestLogger, useExhaustedTestDatabase } from "./exhausted-test-setup";
import { analyseImportJob } from "./job-definitions";
import { prepareJobRun } from "./prepare-job-run";

const logger = silentTestLogger("analyse-exhausted-test");
const testDatabase = useExhaustedTestDatabase();

/** An import finalized in a new workspace: `analysing`, its first run (id = import id) queued. */
async function analysingImport(): Promise<{ workspaceId: string; importId: string }> {
  const db = testDatabase();
  const workspaceId = await createOwnedWorkspace(db, "Imports");
  const importId = randomUUID();
  await createImportUpload(db, {
    id: importId,
    workspaceId,
    uploadedBy: null,
    entity: "employee",
    filename: "people.csv",
    contentType: "text/csv",
    size: 10,
    uploadKey: `workspaces/${workspaceId}/imports/${importId}/upload`,
    storedBytesLimit: 1000,
  });
  await finalizeImportUpload(db, {
    workspaceId,
    importId,
    analyseRun: prepareJobRun(analyseImportJob, { importId }, { jobRunId: importId, workspaceId }),
    audit: { workspaceId, actorType: "user", actorId: null, action: "imports.upload" },
  });
  return { workspaceId, importId };
}

describe("imports.analyse onExhausted", () => {
  it("fails the import with the run's code when its current run fails for good", async () => {
    const db = testDatabase();
    const ref = await analysingImport();
    const run = await getJobRun(db, { id: ref.importId });
    if (run === undefined) throw new Error("no run");
    expect(await failRunForGood(db, { run, errorCode: "INTERNAL", errorMessage: "Gave up.", logger })).toBe(
      true,
    );
    expect(await getImport(db, ref)).toMatchObject({ status: "failed", errorCode: "INTERNAL" });
  });

  it("leaves the import alone when the exhausted run is not its current one", async () => {
    const db = testDatabase();
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
