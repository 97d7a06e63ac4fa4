import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";

const directory = mkdtempSync(join(tmpdir(), "tabular-reader-load-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("openXlsx loading", () => {
  it("reads a workbook with ExcelJS's streaming reader alone, never loading the whole library", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Staff").addRow(["Employee ID", "Name"]);
    book.getWorksheet("Staff")?.addRow(["E1", "Ana"]);
    const path = join(directory, "staff.xlsx");
    writeFileSync(path, new Uint8Array(await book.xlsx.writeBuffer()));
    // A fresh process: this one loaded all of ExcelJS above to write the workbook.
    const script = `
      import { readFileSync } from "node:fs";
      import { createRequire } from "node:module";
      import { openXlsx } from ${JSON.stringify(join(import.meta.dirname, "../src/index.ts"))};
      const source = await openXlsx(readFileSync(${JSON.stringify(path)}));
      const rows = [];
      for await (const row of source.rows()) rows.push(row.cells);
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes("/exceljs/"));
      console.log(JSON.stringify({ rows, main: loaded.some((file) => file.endsWith("/exceljs/excel.js")), reader: loaded.some((file) => file.endsWith("workbook-reader.js")) }));
    `;
    const output = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: join(import.meta.dirname, ".."),
      encoding: "utf8",
    });
    expect(JSON.parse(output)).toEqual({ rows: [["E1", "Ana"]], main: false, reader: true });
  }, 120_000);
});
