import { createHash, randomUUID } from "node:crypto";
import { createExport, exports, getExport, rejectedRowsKey } from "@vitae/db";
import { prepareJobRun, sweepExpiredExportsJob, writeImportExportJob } from "@vitae/queue";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";
import { settledImport, settledRun, uploadImport } from "./imports";
import { readTrpcSse } from "./sse";

let api: TestApi;
let owner: TestUser;
let stranger: TestUser;
let workspaceId: string;
let importId: string;

// Two valid rows (one with a formula in its department), one bad e-mail, one missing name with an
// impossible date, an exact repeat and a blank row.
const exportBytes = Buffer.from(
  [
    "Mitarbeiterliste Stand 01.03.2024;;;;;;",
    "Personalnummer;Vorname;Nachname;E-Mail;Telefon;Eintrittsdatum;Abteilung",
    '00017;Jürgen;Müller;j.mueller@gmx.de;+49 30 1234567;01.04.2017;=HYPERLINK("http://x")',
    "00018;Anna;Schröder;anna(at)web.de;+49 171 2345678;15.09.2021;Einkauf",
    "00019;Petra;;petra@t-online.de;+49 89 123456;31.02.2020;Einkauf",
    '00017;Jürgen;Müller;j.mueller@gmx.de;+49 30 1234567;01.04.2017;=HYPERLINK("http://x")',
    ";;;;;;",
    "00020;Lena;Koch;LENA@KOCH.DE;+49 40 555123;02.02.2022;IT & <Ops>",
    "",
  ].join("\r\n"),
  "latin1",
);

beforeAll(async () => {
  api = await startTestApi({ env: { RATE_LIMIT_UPLOAD_FREE: "1000/1h" } });
  owner = await signUp(api, "Exporter");
  workspaceId = await createWorkspace(api, owner, "People Ops");
  stranger = await signUp(api, "Stranger");
  await createWorkspace(api, stranger, "Elsewhere");
  importId = await uploadImport(api, owner, "mitarbeiter.csv", exportBytes);
  expect((await settledImport(api, owner, importId)).status).toBe("mapped");
  const started = await call(api, "imports.validate", {
    cookie: owner.cookie,
    type: "mutation",
    input: { importId },
  });
  await settledRun(api, started.body.result.data.jobRunId);
});
afterAll(async () => {
  await api?.cleanup();
});

/** Exports the import, waits for the run, returns the export row and its stored bytes. */
async function exportAs(format: string, invalidRows: "exclude" | "include" = "exclude") {
  const started = await call(api, "imports.export", {
    cookie: owner.cookie,
    type: "mutation",
    input: { importId, format, invalidRows },
  });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const { exportId } = started.body.result.data;
  const run = await settledRun(api, exportId);
  expect(run.status).toBe("succeeded");
  const record = await getExport(api.deps.db, { workspaceId, exportId });
  if (!record) throw new Error("export row missing");
  const bytes = await api.deps.storage.get(record.objectKey);
  return { exportId: exportId as string, record, bytes, text: bytes.toString("utf8") };
}

describe("imports.export", () => {
  it("writes CSV with a BOM, kept zeros and defused formulas, a matching SHA-256 and a balanced ledger", async () => {
    const { record, bytes, text } = await exportAs("csv");
    expect(record).toMatchObject({
      status: "ready",
      format: "csv",
      contentType: expect.stringContaining("text/csv"),
    });
    expect(record.size).toBe(bytes.length);
    expect(record.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(record.ledger).toMatchObject({
      read: 6,
      exported: 2,
      exportedWithErrors: 0,
      rejected: { INVALID_EMAIL: 1, REQUIRED: 1 },
      rejectedTotal: 2,
      empty: 1,
      duplicates: 1,
      rejectedFile: { rows: 2 },
    });
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe("employeeId,firstName,lastName,workEmail,phone,hireDate,department");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("00017");
    expect(lines[1]).toContain("'=HYPERLINK");
    expect(record.filename).toBe("mitarbeiter.csv");
  });

  it("writes JSON, NDJSON and XML, invalid rows included when asked", async () => {
    const json = await exportAs("json", "include");
    const parsed = JSON.parse(json.text) as unknown[];
    expect(parsed).toHaveLength(4);
    expect(json.record.ledger).toMatchObject({
      read: 6,
      exported: 4,
      exportedWithErrors: 2,
      rejectedTotal: 0,
    });

    const ndjson = await exportAs("ndjson");
    const records = ndjson.text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records.map((item: { employeeId?: string }) => item.employeeId)).toEqual(["00017", "00020"]);

    const xml = await exportAs("xml");
    expect(xml.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(xml.text).toContain("<EmployeeId>00020</EmployeeId>");
    expect(xml.text).toContain("IT &amp; &lt;Ops&gt;");
    expect(xml.record.sha256).toBe(createHash("sha256").update(xml.bytes).digest("hex"));
  });

  it("serves the rejected rows as CSV with error columns", async () => {
    const { exportId } = await exportAs("csv");
    const link = await call(api, "imports.downloadRejected", {
      cookie: owner.cookie,
      type: "mutation",
      input: { exportId },
    });
    expect(link.status).toBe(200);
    const response = await fetch(link.body.result.data.url);
    expect(response.ok).toBe(true);
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^line,error_codes,error_fields,error_messages,Personalnummer,Vorname/);
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(["4", "5"]);
    expect(lines[2]).toContain("REQUIRED; INVALID_DATE");

    const foreign = await call(api, "imports.downloadRejected", {
      cookie: stranger.cookie,
      type: "mutation",
      input: { exportId },
    });
    expect(foreign.status).toBe(404);
  });

  it("deletes the rejected rows with the export's file when the export expires", async () => {
    const { exportId, record } = await exportAs("csv");
    const rejectedKey = rejectedRowsKey(record.objectKey);
    expect(await api.deps.storage.head(rejectedKey)).not.toBeNull();
    await api.deps.db
      .update(exports)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(exports.id, exportId));

    const swept = await settledRun(api, (await api.deps.queue.enqueue(sweepExpiredExportsJob, {})).jobRunId);
    expect(swept.status).toBe("succeeded");
    expect(await api.deps.storage.head(record.objectKey)).toBeNull();
    expect(await api.deps.storage.head(rejectedKey)).toBeNull();
    expect((await getExport(api.deps.db, { workspaceId, exportId }))?.status).toBe("expired");
  });

  it("refuses an import that is not validated, and another workspace's", async () => {
    const fresh = await uploadImport(api, owner, "unvalidated.csv", exportBytes);
    await settledImport(api, owner, fresh);
    const early = await call(api, "imports.export", {
      cookie: owner.cookie,
      type: "mutation",
      input: { importId: fresh, format: "csv" },
    });
    expect(early.status).toBe(409);
    const foreign = await call(api, "imports.export", {
      cookie: stranger.cookie,
      type: "mutation",
      input: { importId, format: "csv" },
    });
    expect(foreign.status).toBe(404);
    const badFormat = await call(api, "imports.export", {
      cookie: owner.cookie,
      type: "mutation",
      input: { importId, format: "pdf" },
    });
    expect(badFormat.status).toBe(400);
  });

  it("fails an export whose import is no longer validated with SOURCE_MISSING, never a half file", async () => {
    const fresh = await uploadImport(api, owner, "moving.csv", exportBytes);
    await settledImport(api, owner, fresh);
    // The row the procedure would have written, for an import that is (now) only mapped.
    const exportId = randomUUID();
    const run = { jobRunId: exportId, workspaceId };
    await createExport(api.deps.db, {
      id: exportId,
      workspaceId,
      createdBy: owner.userId,
      source: { kind: "import", importId: fresh, format: "csv", invalidRows: "exclude" },
      contentType: "text/csv; charset=utf-8",
      filename: "moving.csv",
      ttlSeconds: 3600,
      storedBytesLimit: 1_000_000_000,
      run: prepareJobRun(writeImportExportJob, { exportId }, run),
      audit: { workspaceId, actorType: "user", actorId: owner.userId, action: "imports.export" },
    });
    await api.deps.queue.enqueue(writeImportExportJob, { exportId }, run);
    expect((await settledRun(api, exportId)).status).toBe("succeeded");
    const record = await getExport(api.deps.db, { workspaceId, exportId });
    expect(record).toMatchObject({ status: "failed", errorCode: "SOURCE_MISSING", size: null, sha256: null });
    expect(await api.deps.storage.head(record?.objectKey ?? "")).toBeNull();
  });

  it("streams an export's run by subscription (exports.progress) to ready, and hides it from another workspace", async () => {
    const started = await call(api, "imports.export", {
      cookie: owner.cookie,
      type: "mutation",
      input: { importId, format: "xml" },
    });
    const { exportId } = started.body.result.data;
    const url = `${api.url}/trpc/exports.progress?input=${encodeURIComponent(JSON.stringify({ exportId }))}`;
    const events: Array<{ exportId: string; status: string; progress: number }> = [];
    for await (const event of readTrpcSse(url, AbortSignal.timeout(60_000), { cookie: owner.cookie })) {
      expect(event.kind).toBe("data");
      if (event.kind === "data") events.push(event.value as (typeof events)[number]);
    }
    expect(events[0]).toMatchObject({ exportId });
    expect(events.at(-1)).toMatchObject({ exportId, status: "ready", progress: 100 });
    // Once settled the stream answers the state and ends at once.
    const again = [];
    for await (const event of readTrpcSse(url, AbortSignal.timeout(10_000), { cookie: owner.cookie })) {
      again.push(event);
    }
    expect(again).toEqual([{ kind: "data", value: expect.objectContaining({ status: "ready" }) }]);
    const foreign = await readTrpcSse(url, AbortSignal.timeout(10_000), { cookie: stranger.cookie }).next();
    expect(foreign.value).toMatchObject({ kind: "error", error: { data: { code: "NOT_FOUND" } } });
  });
});
