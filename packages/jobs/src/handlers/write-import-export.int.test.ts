import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readlink, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportContentTypes } from "@vitae/contracts";
import { createWorkspaceWithOwner, exportObjectKey, exports, getExport, imports, users } from "@vitae/db";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import type { UsageCounter } from "@vitae/ratelimit";
import { createDiskStore, type ObjectStore } from "@vitae/storage";
import { UnrecoverableError } from "bullmq";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { basicModeServices, logger } from "../testing/workers-harness";
import { writeImportExport } from "./write-import-export";

const notUsed = () => Promise.reject(new Error("the export job counts no requests"));
const usage: UsageCounter = { admit: notUsed, live: notUsed, flush: notUsed };

let testDb: TestDatabase;
let root = "";
let scratch = "";
let storage: ObjectStore;
let workspaceId = "";
const savedTmpdir = process.env.TMPDIR;

beforeAll(async () => {
  testDb = await createTestDatabase();
  root = await mkdtemp(join(tmpdir(), "vitae-jobs-export-"));
  storage = createDiskStore({
    rootDir: join(root, "store"),
    signingSecret: "s".repeat(32),
    publicUrl: "http://127.0.0.1:3000",
  });
  const db = testDb.handle.db;
  const [user] = await db
    .insert(users)
    .values({ email: `x-${randomBytes(5).toString("hex")}@example.com`, name: "Exporter" })
    .returning({ id: users.id });
  workspaceId = (await createWorkspaceWithOwner(db, { name: "Exports", ownerId: user?.id ?? "" })).id;
});

beforeEach(async () => {
  // The job's temp files go under os.tmpdir(): a private one per test, so only that test's are counted.
  scratch = await mkdtemp(join(root, "tmp-"));
  process.env.TMPDIR = scratch;
});

afterAll(async () => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  await rm(root, { recursive: true, force: true });
  await testDb?.drop();
});

/** A validated import without rows whose ledger says the validation read `read` rows. */
async function validatedImport(read: number): Promise<string> {
  const [row] = await testDb.handle.db
    .insert(imports)
    .values({
      workspaceId,
      entity: "employee",
      filename: "people.csv",
      contentType: "text/csv",
      size: 10,
      status: "validated",
      uploadKey: `workspaces/${workspaceId}/imports/${randomUUID()}`,
      columns: [{ name: "E-Mail", profile: null }],
      mapping: [{ columnIndex: 0, field: "email" }],
      ledger: { read },
    })
    .returning({ id: imports.id });
  return row?.id ?? "";
}

/** Runs the handler on a new CSV export of `importId`, as a worker would (one attempt). */
async function runExport(importId: string, store: ObjectStore = storage) {
  const exportId = randomUUID();
  await testDb.handle.db.insert(exports).values({
    id: exportId,
    workspaceId,
    importId,
    format: "csv",
    invalidRows: "exclude",
    objectKey: exportObjectKey({ workspaceId, exportId, format: "csv" }),
    contentType: exportContentTypes.csv,
    filename: "people.csv",
    ttlSeconds: 3600,
    storedBytesLimit: 1_000_000,
  });
  const outcome = await writeImportExport({
    jobRunId: exportId,
    workspaceId,
    payload: { exportId },
    attempt: 1,
    db: testDb.handle.db,
    storage: store,
    services: basicModeServices,
    usage,
    logger,
    signal: undefined,
    reportProgress: async () => undefined,
  }).catch((error: unknown) => error);
  return { exportId, outcome };
}

/** This process's open descriptors on files under `directory` (Linux: /proc/self/fd). */
async function descriptorsUnder(directory: string): Promise<string[]> {
  const targets = await Promise.all(
    (await readdir("/proc/self/fd")).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => "")),
  );
  return targets.filter((target) => target.startsWith(directory));
}

describe("imports.write-export temp files", () => {
  // The export streams into two temp files. Their write streams opened them lazily and a failed export
  // never ended them: each failure kept both descriptors open on files already deleted (their space held
  // until the worker exits), and a failure before the opens finished could beat the cleanup to the
  // directory (ENOTEMPTY, left behind, hiding the job's own error). The upload's read stream likewise
  // stayed open when the store failed without reading it. Descriptors are read from /proc (Linux, where
  // workers run); elsewhere only the directory is checked.
  it("a failed export leaves no temp file behind and no descriptor open, however often", async () => {
    const unbalanced = await validatedImport(1);
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const { exportId, outcome } = await runExport(unbalanced);
      expect(outcome, `attempt ${attempt}`).toBeInstanceOf(UnrecoverableError);
      expect((await getExport(testDb.handle.db, { workspaceId, exportId }))?.errorCode).toBe(
        "LEDGER_MISMATCH",
      );
    }
    expect(await readdir(scratch)).toEqual([]);
    if (existsSync("/proc/self/fd")) expect(await descriptorsUnder(scratch)).toEqual([]);
  });

  it("a written export leaves no temp file behind either", async () => {
    const { exportId, outcome } = await runExport(await validatedImport(0));
    expect(outcome).toMatchObject({ exportId, status: "ready" });
    const record = await getExport(testDb.handle.db, { workspaceId, exportId });
    expect((await storage.get(record?.objectKey ?? "")).toString("utf8")).toBe("\uFEFFemail\r\n");
    expect(await readdir(scratch)).toEqual([]);
    if (existsSync("/proc/self/fd")) expect(await descriptorsUnder(scratch)).toEqual([]);
  });

  it("an export whose storage refuses the file at once leaves no temp file or descriptor behind", async () => {
    const refusing: ObjectStore = { ...storage, put: () => Promise.reject(new Error("storage unavailable")) };
    const balanced = await validatedImport(0);
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const { outcome } = await runExport(balanced, refusing);
      expect(outcome, `attempt ${attempt}`).toMatchObject({ message: "storage unavailable" });
    }
    expect(await readdir(scratch)).toEqual([]);
    if (existsSync("/proc/self/fd")) expect(await descriptorsUnder(scratch)).toEqual([]);
  });
});
