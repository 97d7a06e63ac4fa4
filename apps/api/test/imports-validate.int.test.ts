import { beforeAll, describe, expect, it } from "vitest";
import type { TestApi } from "./harness";
import { call, type TestUser } from "./identity";
import { settledRun } from "./imports";
import { exportBytes, useValidateWorld } from "./imports-validate-support";
import { readTrpcSse } from "./sse";

const world = useValidateWorld();
const { mutate, query, runToEnd, mappedImport } = world;
let api: TestApi;
let owner: TestUser;
let workspaceId: string;
beforeAll(() => {
  ({ api, owner, workspaceId } = world);
});

describe("imports.validate → rows → fix", () => {
  it("stores every row with its outcome, balances the ledger, pages errors by code and re-checks fixed rows", async () => {
    const importId = await mappedImport("mitarbeiter.csv", exportBytes);
    const before = await query("imports.rows", { importId });
    expect(before.body.result.data).toEqual({ items: [], nextCursor: null });

    const { run, record } = await runToEnd("imports.validate", { importId });
    expect(run.status).toBe("succeeded");
    expect(record.status).toBe("validated");
    expect(record.ledger).toEqual({
      read: 6,
      valid: 2,
      rejected: { INVALID_EMAIL: 1, REQUIRED: 1 },
      rejectedTotal: 2,
      empty: 1,
      duplicates: 1,
      referencesChecked: true,
    });
    expect(record.progress).toMatchObject({ status: "succeeded", jobRunId: run.id });
    // Its phones carry +49, so the analysis read the region from them.
    expect(record.region).toMatchObject({ country: "DE", source: "phones" });

    // All rows in source-line order; the keyset cursor is the last line seen.
    const all = (await query("imports.rows", { importId })).body.result.data;
    expect(all.items.map((row: { line: number }) => row.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(all.nextCursor).toBeNull();
    expect(all.items.map((row: { status: string }) => row.status)).toEqual([
      "valid",
      "invalid",
      "invalid",
      "duplicate",
      "empty",
      "valid",
    ]);
    const after = (await query("imports.rows", { importId, cursor: 5 })).body.result.data;
    expect(after.items.map((row: { line: number }) => row.line)).toEqual([6, 7, 8]);

    const first = all.items[0];
    // Leading zeros kept, dates ISO, phones E.164, e-mails lower-cased.
    expect(first.values).toMatchObject({
      employeeId: "00017",
      hireDate: "2017-04-01",
      phone: "+49301234567",
    });
    const errors = (await query("imports.rows", { importId, filter: "errors" })).body.result.data.items;
    expect(errors.map((row: { line: number }) => row.line)).toEqual([4, 5]);
    expect(errors[1].errors).toEqual([
      expect.objectContaining({
        line: 5,
        column: "Nachname",
        field: "lastName",
        code: "REQUIRED",
        value: "",
      }),
      expect.objectContaining({
        line: 5,
        column: "Eintrittsdatum",
        code: "INVALID_DATE",
        value: "31.02.2020",
      }),
    ]);
    expect(errors[1].errors[0].message).toMatch(/required/i);
    const byCode = (await query("imports.rows", { importId, filter: "INVALID_EMAIL" })).body.result.data;
    expect(byCode.items.map((row: { line: number }) => row.line)).toEqual([4]);
    expect(byCode.items[0].errors[0]).toMatchObject({ column: "E-Mail", value: "anna(at)web.de" });

    // A date fix (no cross-row rule): only the row it changes is re-checked.
    const dated = await runToEnd("imports.fix", {
      importId,
      field: "hireDate",
      valueMap: { "31.02.2020": "29.02.2020" },
    });
    expect(dated.run.result).toMatchObject({ fixed: { field: "hireDate", rows: 1, rechecked: "affected" } });
    const petra = (await query("imports.rows", { importId, filter: "REQUIRED" })).body.result.data.items[0];
    expect(petra.errors.map((error: { code: string }) => error.code)).toEqual(["REQUIRED"]);
    expect(petra.values.hireDate).toBe("2020-02-29");
    expect(dated.record.fixes).toBe(1);

    // The e-mail is unique, so every row is re-checked; the fixed row turns valid.
    const mailed = await runToEnd("imports.fix", {
      importId,
      field: "workEmail",
      valueMap: { "anna(at)web.de": "anna@web.de" },
    });
    expect(mailed.run.result).toMatchObject({ fixed: { rows: 1, rechecked: "all" } });
    expect(mailed.record.ledger).toMatchObject({
      read: 6,
      valid: 3,
      rejected: { REQUIRED: 1 },
      rejectedTotal: 1,
    });
    expect(
      (await query("imports.rows", { importId, filter: "INVALID_EMAIL" })).body.result.data.items,
    ).toEqual([]);

    // Validating again from the file replays both fixes: the same ledger.
    const again = await runToEnd("imports.validate", { importId });
    expect(again.record.ledger).toEqual(mailed.record.ledger);

    const audit = await call(api, "audit.list", { cookie: owner.cookie, input: {} });
    const actions = audit.body.result.data.items.map((item: { action: string }) => item.action);
    expect(actions).toEqual(expect.arrayContaining(["imports.validate", "imports.fix"]));
  });

  it("reads phones written without a country code in the file's region, which the operator can override", async () => {
    // The same German HRIS export with its phones in the national form a German office writes them.
    const local = Buffer.from(
      [
        "Mitarbeiterliste Stand 01.03.2024;;;;;;",
        "Personalnummer;Vorname;Nachname;E-Mail;Telefon;Eintrittsdatum;Abteilung",
        "00017;Jürgen;Müller;j.mueller@gmx.de;030 1234567;01.04.2017;Vertrieb",
        "00018;Anna;Schröder;anna@web.de;0171 2345678;15.09.2021;Einkauf",
        "00020;Lena;Koch;LENA@KOCH.DE;(040) 555123;02.02.2022;IT",
        "00021;Tom;Berg;tom@berg.de;12;03.03.2023;IT",
        "",
      ].join("\r\n"),
      "latin1",
    );
    const importId = await mappedImport("mitarbeiter-lokal.csv", local);
    const { run, record } = await runToEnd("imports.validate", { importId });
    expect(run.status).toBe("succeeded");
    expect(record.ledger).toMatchObject({ read: 4, valid: 3, rejected: { INVALID_PHONE: 1 } });
    expect(record.region).toMatchObject({ country: "DE", source: "headers" });
    expect(record.region.reason).toMatch(/German/);
    const all = (await query("imports.rows", { importId })).body.result.data.items;
    expect(all.map((row: { values: { phone?: string } }) => row.values.phone)).toEqual([
      "+49301234567",
      "+491712345678",
      "+4940555123",
      "12",
    ]);
    expect(all[3].errors[0]).toMatchObject({ code: "INVALID_PHONE", column: "Telefon", value: "12" });

    // The operator says the office is Austrian: the same digits are read as Austrian numbers.
    const again = await runToEnd("imports.validate", { importId, defaultCountry: "AT" });
    expect(again.record.region).toMatchObject({ country: "AT", source: "operator" });
    const austrian = (await query("imports.rows", { importId })).body.result.data.items;
    expect(austrian[0].values.phone).toBe("+43301234567");
    const unknown = await mutate("imports.validate", { importId, defaultCountry: "XX" });
    expect(unknown.status).toBe(400);
  });

  it("streams progress by subscription and ends with the validated ledger", async () => {
    const importId = await mappedImport("progress.csv", exportBytes);
    const started = await mutate("imports.validate", { importId });
    expect(started.status).toBe(200);
    const url = `${api.url}/trpc/imports.progress?input=${encodeURIComponent(JSON.stringify({ importId }))}`;
    const events: Array<{ status: string; ledger: unknown }> = [];
    for await (const event of readTrpcSse(url, AbortSignal.timeout(60_000), { cookie: owner.cookie })) {
      expect(event.kind).toBe("data");
      if (event.kind === "data") events.push(event.value as { status: string; ledger: unknown });
    }
    expect(events.at(-1)).toMatchObject({ status: "validated", ledger: { read: 6 } });
  });

  it("refuses what the state or the mapping does not allow, with stable codes", async () => {
    const importId = await mappedImport("refused.csv", exportBytes);
    // No validation yet: nothing to fix.
    const early = await mutate("imports.fix", { importId, field: "hireDate", transform: "trim" });
    expect(early.status).toBe(409);
    await runToEnd("imports.validate", { importId });
    const unmapped = await mutate("imports.fix", { importId, field: "salary", transform: "trim" });
    expect(unmapped.status).toBe(400);
    expect(unmapped.body.error.data.code).toBe("VALIDATION_FAILED");
    const both = await mutate("imports.fix", {
      importId,
      field: "hireDate",
      transform: "trim",
      valueMap: { a: "b" },
    });
    expect(both.status).toBe(400);
    const badFilter = await query("imports.rows", { importId, filter: "NOT_A_CODE" });
    expect(badFilter.status).toBe(400);

    // Two validations at once: one wins, the other is a conflict.
    const [a, b] = await Promise.all([
      mutate("imports.validate", { importId }),
      mutate("imports.validate", { importId }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    await settledRun(api, winner.body.result.data.jobRunId);

    // A new mapping makes the rows stale: they go, and the import is mapped again.
    const current = (await query("imports.byId", { importId })).body.result.data;
    const remap = await mutate("imports.setMapping", {
      importId,
      mapping: current.mapping.map((entry: { column: string; field: string | null }) => ({
        column: entry.column,
        field: entry.column === "Telefon" ? null : entry.field,
      })),
    });
    expect(remap.status).toBe(200);
    const remapped = (await query("imports.byId", { importId })).body.result.data;
    expect(remapped).toMatchObject({ status: "mapped", ledger: null });
    expect((await query("imports.rows", { importId })).body.result.data.items).toEqual([]);
  });

  it("stops at the plan's row cap and keeps no rows", async () => {
    const lines = [
      "Employee ID,Name",
      ...Array.from({ length: 5001 }, (_, index) => `${index + 1},Person ${index}`),
    ];
    const importId = await mappedImport("big.csv", Buffer.from(`${lines.join("\n")}\n`));
    const { run, record } = await runToEnd("imports.validate", { importId });
    expect(run.status).toBe("succeeded");
    expect(record).toMatchObject({ status: "mapped", errorCode: "ROW_LIMIT_EXCEEDED", ledger: null });
    expect((await query("imports.rows", { importId })).body.result.data.items).toEqual([]);
  });

  it("returns the import to mapped with STORAGE_MISSING when its file is gone, and validates once it is back", async () => {
    const importId = await mappedImport("vanishing.csv", exportBytes);
    const key = `workspaces/${workspaceId}/imports/${importId}/upload`;
    await api.deps.storage.delete(key);
    const gone = await runToEnd("imports.validate", { importId });
    expect(gone.record).toMatchObject({ status: "mapped", errorCode: "STORAGE_MISSING", ledger: null });
    await api.deps.storage.put(key, exportBytes, { contentType: "text/csv" });
    const back = await runToEnd("imports.validate", { importId });
    expect(back.record).toMatchObject({ status: "validated", errorCode: null, ledger: { read: 6 } });
  });
});
