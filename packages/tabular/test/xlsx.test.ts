import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isTabularError, openXlsx, type TabularErrorCode } from "../src/index";
import { buildZip, collect, unzipEntries } from "./support";

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function failure(promise: Promise<unknown>): Promise<TabularErrorCode | "no error"> {
  try {
    await promise;
    return "no error";
  } catch (error) {
    if (isTabularError(error)) return error.code;
    throw error;
  }
}

function peopleSheet(book: ExcelJS.Workbook, name = "People") {
  const sheet = book.addWorksheet(name);
  sheet.addRow(["HR export — all staff"]);
  sheet.addRow([]);
  sheet.addRow(["Employee ID", "Hire Date", "Zip", "Total", "Serial"]);
  sheet.addRow(["00123", new Date(Date.UTC(2020, 2, 15)), "02139", { formula: "2*21", result: 42 }, 59]);
  sheet.addRow(["00124", new Date(Date.UTC(1999, 11, 31)), "00501", { formula: "1/3", result: 1 / 3 }, 61]);
  sheet.getColumn(2).numFmt = "dd/mm/yyyy";
  sheet.getColumn(5).numFmt = "yyyy-mm-dd";
  return sheet;
}

describe("openXlsx", () => {
  it.each([false, true])(
    "reads dates, formulas as cached values and text cells (date1904 %s)",
    async (date1904) => {
      const bytes = await workbook((book) => {
        book.properties.date1904 = date1904;
        peopleSheet(book);
      });
      const source = await openXlsx(bytes);
      expect(source.sniff).toMatchObject({ format: "xlsx", headerLine: 3, sheet: "People", date1904 });
      expect(source.headers).toEqual(["Employee ID", "Hire Date", "Zip", "Total", "Serial"]);
      const rows = await collect(source.rows());
      // Serials 59 and 61 straddle the phantom 1900-02-29; in 1904 they count from 1904-01-01.
      const serials = date1904 ? ["1904-02-29", "1904-03-02"] : ["1900-02-28", "1900-03-01"];
      expect(rows).toEqual([
        { line: 4, cells: ["00123", "2020-03-15", "02139", "42", serials[0]] },
        { line: 5, cells: ["00124", "1999-12-31", "00501", "0.333333333333333", serials[1]] },
      ]);
    },
  );

  it("reads a workbook whatever order its writer stored the entries in (shared strings first, workbook.xml and styles last)", async () => {
    const written = await workbook((book) => {
      book.addWorksheet("Lookup", { state: "hidden" }).addRow(["Code", "Label"]);
      peopleSheet(book);
    });
    const entries = await unzipEntries(written);
    const last = ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/styles.xml", "xl/workbook.xml"];
    const first = ["xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml"];
    const rank = (name: string) =>
      first.includes(name) ? -1 : last.includes(name) ? 1 + last.indexOf(name) : 0;
    const adverse = buildZip([...entries].sort((a, b) => rank(a.name) - rank(b.name)));
    const stored = (await unzipEntries(adverse)).map((entry) => entry.name);
    expect(stored.slice(0, 2)).toEqual(first);
    expect(stored.slice(-4)).toEqual(last);

    const source = await openXlsx(adverse);
    expect(source.sniff).toMatchObject({ sheet: "People", headerLine: 3 });
    expect(await collect(source.rows())).toEqual([
      { line: 4, cells: ["00123", "2020-03-15", "02139", "42", "1900-02-28"] },
      { line: 5, cells: ["00124", "1999-12-31", "00501", "0.333333333333333", "1900-03-01"] },
    ]);
  });

  it("re-reads the same rows from its spool, and from the workbook again past the spool's bound", async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet("Staff");
      sheet.addRow(["Employee ID", "Name"]);
      for (let index = 0; index < 5000; index += 1) sheet.addRow([`E${index}`, `Name ${index}`]);
    });
    const expected = Array.from({ length: 5000 }, (_, index) => ({
      line: index + 2,
      cells: [`E${index}`, `Name ${index}`],
    }));
    const spooled = await openXlsx(bytes);
    expect(await collect(spooled.rows())).toEqual(expected);
    expect(await collect(spooled.rows())).toEqual(expected);
    const unspooled = await openXlsx(bytes, { maxSpoolChars: 1000 });
    expect(unspooled.headers).toEqual(["Employee ID", "Name"]);
    expect(await collect(unspooled.rows())).toEqual(expected);
    expect(await collect(unspooled.rows())).toEqual(expected);
  });

  it("returns the impossible 1900-02-29 for serial 60 so validation can reject it", async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet("S");
      sheet.addRow(["Name", "Date"]);
      sheet.addRow(["a", 60]);
      sheet.getCell("B2").numFmt = "d-mmm-yy";
    });
    const rows = await collect((await openXlsx(bytes)).rows());
    expect(rows[0]?.cells).toEqual(["a", "1900-02-29"]);
  });

  it("lists every sheet, skips a hidden first sheet by default and reads a chosen one", async () => {
    const bytes = await workbook((book) => {
      book.addWorksheet("Lookup", { state: "hidden" }).addRow(["Code", "Label"]);
      peopleSheet(book);
      const other = book.addWorksheet("Contractors");
      other.addRow(["ID", "Name"]);
      other.addRow(["C-1", "Ana"]);
    });
    const first = await openXlsx(bytes);
    expect(first.sniff.sheet).toBe("People");
    expect(first.sniff.sheets).toEqual([
      { name: "Lookup", index: 0, isHidden: true },
      { name: "People", index: 1, isHidden: false },
      { name: "Contractors", index: 2, isHidden: false },
    ]);
    const chosen = await openXlsx(bytes, { sheet: "Contractors" });
    expect(await collect(chosen.rows())).toEqual([{ line: 2, cells: ["C-1", "Ana"] }]);
    expect(await failure(openXlsx(bytes, { sheet: "Missing" }))).toBe("SHEET_NOT_FOUND");
  });

  it("resolves shared strings and rich text", async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet("S");
      sheet.addRow(["Name", "Dept"]);
      for (let i = 0; i < 3; i += 1)
        sheet.addRow([{ richText: [{ text: "Ana " }, { text: "Silva", font: { bold: true } }] }, "Sales"]);
    });
    const rows = await collect((await openXlsx(bytes)).rows());
    expect(rows.map((row) => row.cells)).toEqual(Array.from({ length: 3 }, () => ["Ana Silva", "Sales"]));
  });

  it("refuses a zip bomb from its central directory, before inflating it", async () => {
    const bomb = buildZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(64 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(200_000);
    expect(await failure(openXlsx(bomb))).toBe("ZIP_BOMB");
  });

  it.each([
    ["an empty file", new Uint8Array(0), "EMPTY_FILE"],
    [
      "random bytes",
      new Uint8Array(Buffer.from("not a zip at all, just text\n".repeat(20))),
      "MALFORMED_FILE",
    ],
    [
      "a zip without a workbook",
      new Uint8Array(buildZip([{ name: "a.txt", data: Buffer.from("hello") }])),
      "MALFORMED_FILE",
    ],
  ])("fails %s with a clear code", async (_, bytes, code) => {
    expect(await failure(openXlsx(bytes))).toBe(code);
  });
});
