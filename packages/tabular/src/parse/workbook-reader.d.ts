/**
 * ExcelJS's streaming workbook reader, imported alone (`xlsx-source.ts`): the package's own types only
 * describe its main entry. The options and iteration are those of `ExcelJS.stream.xlsx.WorkbookReader`.
 */
declare module "exceljs/lib/stream/xlsx/workbook-reader.js" {
  import type { Readable } from "node:stream";

  class WorkbookReader implements AsyncIterable<unknown> {
    constructor(
      input: Readable,
      options: {
        sharedStrings: "cache" | "emit" | "ignore";
        styles: "cache" | "ignore";
        worksheets: "emit" | "ignore";
        hyperlinks: "cache" | "emit" | "ignore";
        entries: "emit" | "ignore";
      },
    );
    [Symbol.asyncIterator](): AsyncIterator<unknown>;
  }

  export = WorkbookReader;
}
