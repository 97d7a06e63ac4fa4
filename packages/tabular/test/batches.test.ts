import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  employeeEntity,
  exportRows,
  isTabularError,
  openCsv,
  openXlsx,
  type SourceRow,
  type TabularSource,
  validateSource,
} from "../src/index";
import { RowSpool } from "../src/parse/row-spool";
import { collect, inputOf, memorySink, utf8 } from "./support";

function batchesOf(source: TabularSource): AsyncIterable<SourceRow[]> {
  if (!source.batches) throw new Error("the source has no batches()");
  return source.batches();
}

async function flatten<T>(batches: AsyncIterable<T[]>): Promise<T[]> {
  return (await collect(batches)).flat();
}

const employees = (count: number) =>
  `ID,First,Last,Email\n${Array.from({ length: count }, (_, i) => `E${i},Ana ${i},"Silva, ${i}",ana${i}@acme.com`).join("\n")}\n`;

describe("RowSpool", () => {
  it("replays rows exactly — empty cells, ragged widths, non-Latin text — as rows and as batches", async () => {
    const rows: SourceRow[] = Array.from({ length: 4500 }, (_, i) => ({
      line: i * 2 + 3,
      cells: i % 3 === 0 ? ["", `Zoë ${i}`, "😀", ""] : i % 3 === 1 ? [`${i}`] : [],
    }));
    const spool = new RowSpool(1024 * 1024);
    for (const row of rows) expect(spool.add(row)).toBe(true);
    spool.finish();
    expect(await collect(spool.rows())).toEqual(rows);
    const batches = await collect(spool.batches());
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat()).toEqual(rows);
  });

  it("says when it is over its bound and keeps nothing", async () => {
    const spool = new RowSpool(100);
    let kept = true;
    for (let i = 0; i < 3000 && kept; i += 1) kept = spool.add({ line: i, cells: ["0123456789"] });
    expect(kept).toBe(false);
    expect(spool.isOverflowed).toBe(true);
    expect(await collect(spool.rows())).toEqual([]);
  });
});

describe("source batches", () => {
  it("a CSV's batches hold exactly its rows, across parse blocks", async () => {
    const source = await openCsv(inputOf(utf8(employees(20_000)), 64 * 1024));
    const batches = await collect(batchesOf(source));
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat()).toEqual(await collect(source.rows()));
    expect(batches.flat()).toHaveLength(20_000);
  });

  it("a CSV batch hands on the rows before a row that breaks a limit, then throws", async () => {
    const text = `ID,Name\n1,a\n2,${"x".repeat(50)}\n3,c\n`;
    const source = await openCsv(inputOf(utf8(text)), { maxCellChars: 10 });
    const seen: SourceRow[] = [];
    let code: string | undefined;
    try {
      for await (const batch of batchesOf(source)) seen.push(...batch);
    } catch (error) {
      code = isTabularError(error) ? error.code : "other";
    }
    expect(code).toBe("CELL_TOO_LARGE");
    expect(seen).toEqual([{ line: 2, cells: ["1", "a"] }]);
  });

  it("an XLSX's batches hold exactly its data rows, spooled or read again", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Staff");
    sheet.addRow(["Export"]);
    sheet.addRow(["Employee ID", "Name"]);
    for (let index = 0; index < 5000; index += 1) sheet.addRow([`E${index}`, `Name ${index}`]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    for (const options of [{}, { maxSpoolChars: 1000 }]) {
      const source = await openXlsx(bytes, options);
      const rows = await flatten(batchesOf(source));
      expect(rows).toEqual(await collect(source.rows()));
      expect(rows).toHaveLength(5000);
      expect(rows[0]).toEqual({ line: 3, cells: ["E0", "Name 0"] });
    }
  });
});

describe("validateSource over a source's batches", () => {
  it("writes the same bytes and ledger from a source with or without batches", async () => {
    const csv = `${employees(3000)}E5,Ana 5,"Silva, 5",ana5@acme.com\nE7,Bo,Li,not-an-email\n`;
    const opened = await openCsv(inputOf(utf8(csv), 64 * 1024));
    const rowsOnly: TabularSource = { sniff: opened.sniff, headers: opened.headers, rows: opened.rows };
    const plan = {
      entity: employeeEntity,
      headers: opened.headers,
      mapping: ["employeeId", "firstName", "lastName", "email"].map((field, columnIndex) => ({
        columnIndex,
        field,
      })),
    };
    const fields = ["employeeId", "firstName", "lastName", "email"];
    const results = [];
    for (const source of [opened, rowsOnly]) {
      const validated = validateSource(source, plan);
      const out = memorySink();
      const result = await exportRows(validated.rows, () => validated.stats.read, {
        entity: employeeEntity,
        fields,
        format: "csv",
        sink: out.sink,
        rejected: { sink: memorySink().sink, headers: opened.headers },
      });
      results.push({ ledger: result.ledger, sha256: result.sha256, rejected: result.rejected });
    }
    expect(results[0]?.ledger).toMatchObject({ read: 3002, duplicates: 1, rejectedTotal: 1 });
    expect(results[1]).toEqual(results[0]);
  });
});
