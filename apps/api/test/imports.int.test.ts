import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildZip } from "../../../packages/tabular/test/support";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";
import { settledImport, settledRun, uploadImport } from "./imports";

let api: TestApi;
let owner: TestUser;
let stranger: TestUser;

// A German HRIS export as Excel saves it: Windows-1252, semicolons, a title line and a blank row first.
const exportText = [
  "Mitarbeiterliste Stand 01.03.2024;;;;;;;",
  ";;;;;;;",
  "Personalnummer;Vorname;Nachname;E-Mail privat;Telefon;Eintrittsdatum;Abteilung;PLZ",
  "00017;Jürgen;Müller;j.mueller@gmx.de;030 1234567;01.04.2017;Vertrieb;01067",
  "00018;Anna;Schröder;anna@web.de;0171 2345678;15.09.2021;Einkauf;80331",
  "00001;Petra;Weiß;petra@t-online.de;+49 89 123456;01.01.2005;Geschäftsführung;80331",
  "",
].join("\r\n");
const exportBytes = Buffer.from(exportText, "latin1");

beforeAll(async () => {
  api = await startTestApi({ env: { RATE_LIMIT_UPLOAD_FREE: "1000/1h" } });
  owner = await signUp(api, "Operator");
  await createWorkspace(api, owner, "People Ops");
  stranger = await signUp(api, "Stranger");
  await createWorkspace(api, stranger, "Elsewhere");
});
afterAll(async () => {
  await api?.cleanup();
});

describe("imports: upload → analyse → map → remembered", () => {
  it("detects a Windows-1252, semicolon export under a title line, maps it with reasons, and remembers the operator's mapping", async () => {
    const first = await uploadImport(api, owner, "mitarbeiter.csv", exportBytes);
    const analysed = await settledImport(api, owner, first);
    expect(analysed).toMatchObject({
      status: "mapped",
      entity: "employee",
      errorCode: null,
      sniff: { format: "csv", encoding: "windows-1252", delimiter: ";", headerRow: 3 },
    });
    expect(analysed.columns.map((column: { name: string }) => column.name)).toEqual([
      "Personalnummer",
      "Vorname",
      "Nachname",
      "E-Mail privat",
      "Telefon",
      "Eintrittsdatum",
      "Abteilung",
      "PLZ",
    ]);
    // The zeros of "00017" and "01067" survive: values are raw strings.
    expect(analysed.columns[0].profile.samples).toContain("00017");
    expect(analysed.columns[7].profile.samples).toContain("01067");
    const fields = analysed.mapping.map((entry: { field: string | null }) => entry.field);
    expect(fields).toEqual([
      "employeeId",
      "firstName",
      "lastName",
      "email",
      "phone",
      "hireDate",
      "department",
      "postalCode",
    ]);
    for (const entry of analysed.mapping) {
      expect(entry.reason.length).toBeGreaterThan(10);
      expect(entry.confidence).toBeGreaterThan(0.6);
      expect(entry.confidence).toBeLessThanOrEqual(1);
      expect(entry.source).not.toBe("memory");
    }

    // The operator keeps the private e-mail out and confirms the rest.
    const mapping = analysed.mapping.map((entry: { column: string; field: string | null }) => ({
      column: entry.column,
      field: entry.column === "E-Mail privat" ? null : entry.field,
    }));
    const set = await call(api, "imports.setMapping", {
      cookie: owner.cookie,
      type: "mutation",
      input: { importId: first, mapping },
    });
    expect(set.status).toBe(200);
    expect(set.body.result.data).toEqual({ importId: first, mapped: 7 });
    const confirmed = await call(api, "imports.byId", { cookie: owner.cookie, input: { importId: first } });
    expect(confirmed.body.result.data.mapping[3]).toMatchObject({ field: null, source: "manual" });

    // The same headers again (other rows, other order of nothing else): mapped from memory at confidence 1.
    const again = Buffer.from(
      `${exportText}00099;Lena;Koch;lena@koch.de;040 555;02.02.2022;IT;20095\r\n`,
      "latin1",
    );
    const second = await uploadImport(api, owner, "mitarbeiter-april.csv", again);
    const remembered = await settledImport(api, owner, second);
    expect(remembered.status).toBe("mapped");
    expect(remembered.mapping.map((entry: { field: string | null }) => entry.field)).toEqual(
      mapping.map((entry: { field: string | null }) => entry.field),
    );
    for (const entry of remembered.mapping) {
      expect(entry).toMatchObject({ confidence: 1, source: "memory" });
      expect(entry.reason).toMatch(/remembered/i);
    }

    // Its one +49 number sets the region, so the national numbers validate as German ones.
    expect(analysed.region).toMatchObject({ country: "DE", source: "phones" });
    const started = await call(api, "imports.validate", {
      cookie: owner.cookie,
      type: "mutation",
      input: { importId: first },
    });
    expect((await settledRun(api, started.body.result.data.jobRunId)).status).toBe("succeeded");
    const rows = await call(api, "imports.rows", { cookie: owner.cookie, input: { importId: first } });
    expect(
      rows.body.result.data.items.map((row: { status: string; values: { phone: string } }) => [
        row.status,
        row.values.phone,
      ]),
    ).toEqual([
      ["valid", "+49301234567"],
      ["valid", "+491712345678"],
      ["valid", "+4989123456"],
    ]);

    const audit = await call(api, "audit.list", { cookie: owner.cookie, input: {} });
    const actions = audit.body.result.data.items.map((item: { action: string }) => item.action);
    expect(actions).toEqual(expect.arrayContaining(["imports.upload", "imports.set-mapping"]));
  });

  it("refuses a mapping that is not one-to-one or names a field the entity lacks", async () => {
    const importId = await uploadImport(api, owner, "refused.csv", exportBytes);
    expect((await settledImport(api, owner, importId)).status).toBe("mapped");
    for (const mapping of [
      [
        { column: "Vorname", field: "firstName" },
        { column: "Nachname", field: "firstName" },
      ],
      [{ column: "Vorname", field: "salaryBand" }],
      [{ column: "Nicht da", field: "firstName" }],
    ]) {
      const refused = await call(api, "imports.setMapping", {
        cookie: owner.cookie,
        type: "mutation",
        input: { importId, mapping },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.data.code).toBe("VALIDATION_FAILED");
    }
  });

  it.each([
    ["an empty file", "empty.csv", Buffer.from("\r\n\r\n"), "EMPTY_FILE"],
    [
      "a zip bomb XLSX",
      "bomb.xlsx",
      buildZip([
        { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
        { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(64 * 1024 * 1024) },
      ]),
      "ZIP_BOMB",
    ],
  ])("ends %s as failed with a code, never a server error", async (_label, filename, bytes, code) => {
    const importId = await uploadImport(api, owner, filename, bytes);
    const failed = await settledImport(api, owner, importId);
    expect(failed).toMatchObject({ status: "failed", errorCode: code, sniff: null, mapping: [] });
    const run = await api.deps.queue.getJobStatus(importId);
    expect(run.attempts).toBe(1);
  });

  it("keeps another workspace's import NOT_FOUND, lists and deletes with the bytes refunded", async () => {
    const importId = await uploadImport(api, owner, "private.csv", exportBytes);
    await settledImport(api, owner, importId);
    for (const [path, type] of [
      ["imports.byId", "query"],
      ["imports.finalize", "mutation"],
      ["imports.delete", "mutation"],
    ] as const) {
      const foreign = await call(api, path, { cookie: stranger.cookie, type, input: { importId } });
      expect(foreign.status).toBe(404);
    }
    const foreignMapping = await call(api, "imports.setMapping", {
      cookie: stranger.cookie,
      type: "mutation",
      input: { importId, mapping: [] },
    });
    expect(foreignMapping.status).toBe(404);
    const theirs = await call(api, "imports.list", { cookie: stranger.cookie, input: {} });
    expect(theirs.body.result.data.items).toEqual([]);

    const usageBefore = await call(api, "usage.current", { cookie: owner.cookie });
    const listed = await call(api, "imports.list", { cookie: owner.cookie, input: {} });
    expect(listed.body.result.data.items.map((item: { id: string }) => item.id)).toContain(importId);
    const deleted = await call(api, "imports.delete", {
      cookie: owner.cookie,
      type: "mutation",
      input: { importId },
    });
    expect(deleted.status).toBe(200);
    expect(await call(api, "imports.byId", { cookie: owner.cookie, input: { importId } })).toMatchObject({
      status: 404,
    });
    const usageAfter = await call(api, "usage.current", { cookie: owner.cookie });
    expect(storedBytesOf(usageBefore.body) - storedBytesOf(usageAfter.body)).toBe(exportBytes.length);
  });
});

function storedBytesOf(body: { result: { data: { storedBytes: { used: number } } } }): number {
  return body.result.data.storedBytes.used;
}
