import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { openXlsx } from "../src/index";
import { collect } from "./support";

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

describe("openXlsx memory", () => {
  it("keeps no reference to the workbook's bytes once its rows are spooled", async () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Staff");
    sheet.addRow(["Employee ID", "Name"]);
    for (let index = 0; index < 100; index += 1) sheet.addRow([`E${index}`, `Name ${index}`]);
    let bytes: Uint8Array | undefined = new Uint8Array(await book.xlsx.writeBuffer());
    const buffer = new WeakRef(bytes.buffer);
    const source = await openXlsx(bytes);
    bytes = undefined;
    for (let attempt = 0; attempt < 5 && buffer.deref() !== undefined; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      gc();
    }
    expect(buffer.deref()).toBeUndefined();
    expect(await collect(source.rows())).toHaveLength(100);
  });
});
