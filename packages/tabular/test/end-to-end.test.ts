import { describe, expect, it } from "vitest";
import {
  createProfiler,
  dateOrdersFrom,
  employeeEntity,
  exportRows,
  fingerprintHeaders,
  mapColumns,
  openCsv,
  type TabularSource,
  validateSource,
} from "../src/index";
import { collect, inputOf, memorySink } from "./support";

// A German HRIS export as Excel saves it: Windows-1252, semicolons, a title line and a blank row first.
const exportText = [
  "Mitarbeiterliste Stand 01.03.2024;;;;;;;;",
  ";;;;;;;;",
  "Personalnummer;Vorname;Nachname;E-Mail privat;Telefon;Eintrittsdatum;Austrittsdatum;Vorgesetzter;PLZ",
  "00017;Jürgen;Müller;j.mueller@gmx.de;030 1234567;01.04.2017;;00001;01067",
  "00018;Anna;Schröder;anna@web.de;0171 2345678;15.09.2021;30.06.2024;00017;80331",
  "00019;Ömer;Yılmaz;kein-email;0301234567;31.02.2020;;00017;10115",
  "00001;Petra;Weiß;petra@t-online.de;+49 89 123456;01.01.2005;;;80331",
  "00018;Anna;Schröder;anna@web.de;0171 2345678;15.09.2021;30.06.2024;00017;80331",
  "00020;Klaus;Weber;k.weber@gmx.de;089 7654321;01.08.2012;01.01.2010;00099;04109",
  ";;;;;;;;",
  "",
].join("\r\n");
// Yılmaz has a character Windows-1252 cannot encode; the HRIS would have written "Yilmaz".
const bytes = Buffer.from(exportText.replace("ı", "i"), "latin1");

async function analyse(source: TabularSource) {
  const profiler = createProfiler(source.headers);
  for await (const row of source.rows()) profiler.add(row.cells);
  return profiler.finish();
}

describe("import a messy HRIS export end to end", () => {
  it("sniffs, maps with reasons, validates and exports CSV, JSON and XML with balanced ledgers", async () => {
    const source = await openCsv(inputOf(bytes, 64));
    expect(source.sniff).toEqual({ format: "csv", encoding: "windows-1252", delimiter: ";", headerLine: 3 });
    const profiles = await analyse(source);
    const mapping = mapColumns({
      entity: employeeEntity,
      columns: source.headers.map((name, index) => ({ name, profile: profiles[index] })),
    });
    expect(mapping.map((entry) => entry.field)).toEqual([
      "employeeId",
      "firstName",
      "lastName",
      "email",
      "phone",
      "hireDate",
      "terminationDate",
      "managerId",
      "postalCode",
    ]);
    for (const entry of mapping) expect(entry.reason).toMatch(/"/);
    expect(profiles[5]?.dateOrder).toBe("dmy");

    const plan = {
      entity: employeeEntity,
      headers: source.headers,
      mapping,
      dateOrders: dateOrdersFrom(mapping, profiles),
      defaultCountry: "DE" as const,
    };
    const outputs: Record<string, string> = {};
    for (const format of ["csv", "json", "xml"] as const) {
      const { rows, stats } = validateSource(source, plan);
      const out = memorySink();
      const result = await exportRows(rows, () => stats.read, {
        entity: employeeEntity,
        fields: mapping.flatMap((entry) => (entry.field ? [entry.field] : [])),
        format,
        sink: out.sink,
      });
      expect(result.ledger).toEqual({
        read: 7,
        exported: 3,
        exportedWithErrors: 0,
        rejected: { INVALID_EMAIL: 1, DATE_ORDER: 1 },
        rejectedTotal: 2,
        empty: 1,
        duplicates: 1,
      });
      outputs[format] = out.text();
    }
    expect(outputs.csv?.split("\r\n")[1]).toBe(
      "00017,Jürgen,Müller,j.mueller@gmx.de,+49301234567,2017-04-01,,00001,01067",
    );
    expect(JSON.parse(outputs.json ?? "").map((record: { employeeId: string }) => record.employeeId)).toEqual(
      ["00017", "00018", "00001"],
    );
    expect(outputs.xml).toContain("<PostalCode>01067</PostalCode>");

    const { rows } = validateSource(source, plan);
    const invalid = (await collect(rows)).filter((row) => row.status === "invalid");
    expect(
      invalid.flatMap((row) =>
        row.errors.map((error) => [error.line, error.column, error.code, error.value]),
      ),
    ).toEqual([
      [6, "E-Mail privat", "INVALID_EMAIL", "kein-email"],
      [6, "Eintrittsdatum", "INVALID_DATE", "31.02.2020"],
      [9, "Austrittsdatum", "DATE_ORDER", "2010-01-01"],
      [9, "Vorgesetzter", "UNKNOWN_REFERENCE", "00099"],
    ]);

    const again = mapColumns({
      entity: employeeEntity,
      columns: [...source.headers].reverse().map((name) => ({ name })),
      remembered: { fingerprint: fingerprintHeaders(source.headers), mapping },
    });
    expect(again.every((entry) => entry.source === "memory" && entry.confidence === 1)).toBe(true);
    expect(again.at(-1)?.field).toBe("employeeId");
  });
});
