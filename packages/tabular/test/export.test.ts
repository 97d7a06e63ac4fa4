import { createHash } from "node:crypto";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { candidateEntity, exportRows, type ValidatedRow } from "../src/index";
import { memorySink } from "./support";

const parse = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;

// Entity order: exports write fields in the order the registry declares them.
const fields = ["candidateId", "firstName", "lastName", "email", "expectedSalary", "skills"];

function validRow(line: number, record: Record<string, unknown>): ValidatedRow {
  return { line, status: "valid", record: record as ValidatedRow["record"], errors: [], cells: [] };
}

async function* stream(rows: ValidatedRow[]) {
  yield* rows;
}

const hostile = [
  '=HYPERLINK("http://evil")',
  "+cmd",
  "-2+3",
  "@SUM(A1)",
  "\tTAB",
  "\rCR",
  "\uFF1D1+1",
  "ok\n=cmd|' /C calc'!A0",
];

describe("exportRows CSV", () => {
  it("defuses formulas (also after line breaks and in full-width forms) but leaves plain numbers", async () => {
    const rows = hostile.map((value, index) =>
      validRow(index + 2, {
        candidateId: `C${index}`,
        firstName: value,
        lastName: "-2",
        expectedSalary: -1500.5,
      }),
    );
    const out = memorySink();
    const result = await exportRows(stream(rows), () => rows.length, {
      entity: candidateEntity,
      fields,
      format: "csv",
      sink: out.sink,
    });
    // Cells holding a line break must be quoted, or a reader splitting on LF or CR breaks the record.
    expect(out.text()).toContain(`,"ok\n'=cmd|' /C calc'!A0",`);
    expect(out.text()).toContain(`,"'\rCR",`);
    const parsed = parse(out.text());
    expect(parsed[0]).toEqual(fields);
    const firstNames = parsed.slice(1).map((cells) => cells[1]);
    for (const name of firstNames.slice(0, -1)) expect(name?.startsWith("'")).toBe(true);
    expect(firstNames.at(-1)).toBe("ok\n'=cmd|' /C calc'!A0");
    expect(parsed.slice(1).map((cells) => [cells[2], cells[4]])).toEqual(
      hostile.map(() => ["-2", "-1500.5"]),
    );
    expect(result.ledger).toMatchObject({ read: 8, exported: 8, rejectedTotal: 0 });
  });

  it("writes an optional BOM and a SHA-256 of exactly the bytes written", async () => {
    const rows = [validRow(2, { candidateId: "C1", firstName: "Zoë", skills: ["SQL", "Go"] })];
    const out = memorySink();
    const result = await exportRows(stream(rows), () => 1, {
      entity: candidateEntity,
      fields,
      format: "csv",
      bom: true,
      sink: out.sink,
    });
    const bytes = out.bytes();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(result.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(result.bytes).toBe(bytes.length);
    expect(out.text()).toContain("C1,Zoë,,,,SQL; Go\r\n");
  });
});

describe("exportRows ledger", () => {
  const rows: ValidatedRow[] = [
    validRow(2, { candidateId: "C1", firstName: "Ana" }),
    {
      line: 3,
      status: "invalid",
      record: { candidateId: "C2", email: "bad" },
      errors: [{ line: 3, column: "Mail", field: "email", code: "INVALID_EMAIL", value: "bad" }],
      cells: ["C2", "bad"],
    },
    { line: 4, status: "empty", record: {}, errors: [], cells: ["", ""] },
    { line: 5, status: "duplicate", record: {}, errors: [], cells: ["C1", "Ana"] },
  ];

  it("balances read = exported + rejected (by code) + empty + duplicates and writes rejected rows with error columns", async () => {
    const out = memorySink();
    const rejected = memorySink();
    const result = await exportRows(stream(rows), () => 4, {
      entity: candidateEntity,
      fields,
      format: "ndjson",
      sink: out.sink,
      rejected: { sink: rejected.sink, headers: ["ID", "Mail"] },
    });
    expect(result.ledger).toEqual({
      read: 4,
      exported: 1,
      exportedWithErrors: 0,
      rejected: { INVALID_EMAIL: 1 },
      rejectedTotal: 1,
      empty: 1,
      duplicates: 1,
    });
    expect(parse(rejected.text())).toEqual([
      ["line", "error_codes", "error_fields", "error_messages", "ID", "Mail"],
      ["3", "INVALID_EMAIL", "email", "Not a valid email address.", "C2", "bad"],
    ]);
    expect(result.rejected).toMatchObject({ rows: 1 });
  });

  it("throws LEDGER_MISMATCH when the reader counted rows the writer never saw", async () => {
    const out = memorySink();
    await expect(
      exportRows(stream(rows), () => 5, { entity: candidateEntity, fields, format: "json", sink: out.sink }),
    ).rejects.toMatchObject({
      code: "LEDGER_MISMATCH",
    });
  });

  it("includes invalid rows on request, marked with their errors", async () => {
    const out = memorySink();
    const result = await exportRows(stream(rows), () => 4, {
      entity: candidateEntity,
      fields,
      format: "json",
      invalidRows: "include",
      sink: out.sink,
    });
    const records = JSON.parse(out.text());
    expect(records).toHaveLength(2);
    expect(records[1]).toMatchObject({
      candidateId: "C2",
      email: "bad",
      _line: 3,
      _errors: [{ field: "email", code: "INVALID_EMAIL" }],
    });
    expect(result.ledger).toMatchObject({ exported: 2, exportedWithErrors: 1, rejectedTotal: 0 });
  });
});

describe("exportRows XML", () => {
  it("escapes markup, removes characters XML 1.0 forbids and nests list fields", async () => {
    const rows = [
      validRow(2, {
        candidateId: "C1",
        firstName: '<b>Ana</b> & "Bo"\u0000\u0008\uFFFE\uD800',
        skills: ["C++", "R&D"],
      }),
    ];
    const out = memorySink();
    await exportRows(stream(rows), () => 1, {
      entity: candidateEntity,
      fields,
      format: "xml",
      sink: out.sink,
    });
    expect(out.text()).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<Candidates entity="candidate" version="1">',
        "  <Candidate>",
        "    <CandidateId>C1</CandidateId>",
        "    <FirstName>&lt;b&gt;Ana&lt;/b&gt; &amp; &quot;Bo&quot;</FirstName>",
        "    <Skills><Skill>C++</Skill><Skill>R&amp;D</Skill></Skills>",
        "  </Candidate>",
        "</Candidates>",
        "",
      ].join("\n"),
    );
  });
});
