import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { codeOf, missingId } from "./documents-fixtures";
import { insertTestWorkspace } from "./identity-fixtures";
import {
  createImportUpload,
  deleteImport,
  finalizeImportUpload,
  getImport,
  getRememberedMapping,
  getWorkspaceUsage,
  listImports,
  listLearnedAliases,
  markImportFailed,
  markImportMapped,
  saveImportMapping,
  uploadStateOf,
  usagePeriodOf,
} from "./index";
import { testDrivers } from "./test-drivers";

const limit = 10_000;

describe.each(testDrivers)("imports and mapping memory on $kind", ({ open }) => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await open();
    db = database.handle.db;
    drop = database.drop;
  });
  afterAll(async () => {
    await drop();
  });

  async function upload(workspaceId: string, size = 100) {
    const id = randomUUID();
    return createImportUpload(db, {
      id,
      workspaceId,
      uploadedBy: null,
      entity: "employee",
      filename: "people.csv",
      contentType: "text/csv",
      size,
      uploadKey: `workspaces/${workspaceId}/imports/${id}/upload`,
      storedBytesLimit: limit,
    });
  }

  const audit = (workspaceId: string, action: string) => ({
    workspaceId,
    actorType: "user" as const,
    actorId: null,
    action,
  });

  function finalize(workspaceId: string, importId: string) {
    return finalizeImportUpload(db, {
      workspaceId,
      importId,
      analyseRun: {
        id: importId,
        name: "imports.analyse",
        queue: "imports",
        payload: { importId },
        workspaceId,
      },
      audit: audit(workspaceId, "imports.upload"),
    });
  }

  it("reserves the declared bytes with the row, and refuses both past the quota", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const record = await upload(workspace.id, 6000);
    expect(record.status).toBe("uploaded");
    const storedBytes = async () =>
      (await getWorkspaceUsage(db, { workspaceId: workspace.id, period: usagePeriodOf(new Date()) }))
        .storedBytes;
    expect(await storedBytes()).toBe(6000);
    expect(await codeOf(upload(workspace.id, 6000))).toBe("QUOTA_EXCEEDED");
    expect((await listImports(db, { workspaceId: workspace.id })).items.map((item) => item.id)).toEqual([
      record.id,
    ]);
    await deleteImport(db, {
      workspaceId: workspace.id,
      importId: record.id,
      audit: () => audit(workspace.id, "imports.delete"),
    });
    expect(await storedBytes()).toBe(0);
  });

  it("finalizes once of many concurrent calls; only the current analysing run changes the import", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const record = await upload(workspace.id);
    expect(await uploadStateOf(db, { storageKey: record.uploadKey })).toBe("awaited");
    const wins = await Promise.all([1, 2, 3].map(() => finalize(workspace.id, record.id)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await uploadStateOf(db, { storageKey: record.uploadKey })).toBe("closed");
    const ref = { workspaceId: workspace.id, importId: record.id };
    const result = { sniff: { format: "csv" }, columns: [], mapping: [], headerFingerprint: "f" };
    expect(await markImportMapped(db, { ...ref, ...result, runId: randomUUID() })).toBe(false);
    expect(await markImportMapped(db, { ...ref, ...result, runId: record.id })).toBe(true);
    // A redelivered or exhausted run can no longer fail what is already mapped.
    expect(await markImportFailed(db, { ...ref, runId: record.id, errorCode: "MALFORMED_FILE" })).toBe(false);
    expect(await getImport(db, ref)).toMatchObject({ status: "mapped", errorCode: null });
    await deleteImport(db, { ...ref, audit: () => audit(workspace.id, "imports.delete") });
    expect(await uploadStateOf(db, { storageKey: record.uploadKey })).toBe("absent");
  });

  it("remembers one mapping per workspace, entity and header fingerprint, in its workspace only", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const other = await insertTestWorkspace(db);
    const record = await upload(workspace.id);
    const ref = { workspaceId: workspace.id, importId: record.id };
    await finalize(workspace.id, record.id);
    const remember = (field: string) =>
      saveImportMapping(db, {
        ...ref,
        entity: "employee",
        headerFingerprint: "fp",
        mapping: [{ column: "Vorname", field }],
        remembered: [{ column: "Vorname", field }],
        learnedAliases: [{ header: "Vorname", field }],
        audit: audit(workspace.id, "imports.set-mapping"),
      });
    expect(await codeOf(remember("firstName"))).toBe("CONFLICT");
    await markImportMapped(db, {
      ...ref,
      runId: record.id,
      sniff: {},
      columns: [],
      mapping: [],
      headerFingerprint: "fp",
    });
    await remember("firstName");
    await remember("preferredName");
    const lookup = { entity: "employee", headerFingerprint: "fp" };
    expect(await getRememberedMapping(db, { workspaceId: workspace.id, ...lookup })).toEqual([
      { column: "Vorname", field: "preferredName" },
    ]);
    expect(await listLearnedAliases(db, { workspaceId: workspace.id, entity: "employee" })).toEqual([
      { header: "Vorname", field: "preferredName" },
    ]);
    expect(await getRememberedMapping(db, { workspaceId: other.workspace.id, ...lookup })).toBeUndefined();
    expect(
      await codeOf(
        saveImportMapping(db, {
          ...ref,
          workspaceId: other.workspace.id,
          ...lookup,
          mapping: [],
          remembered: [],
          learnedAliases: [],
          audit: audit(other.workspace.id, "x"),
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await getImport(db, { workspaceId: other.workspace.id, importId: record.id })).toBeUndefined();
    expect(
      await codeOf(
        deleteImport(db, {
          workspaceId: workspace.id,
          importId: missingId,
          audit: () => audit(workspace.id, "x"),
        }),
      ),
    ).toBe("NOT_FOUND");
  });
});
