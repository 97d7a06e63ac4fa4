import { Readable } from "node:stream";
import { TabularError } from "../errors";
import { findHeaderRecord, normaliseHeaders, type SampleRecord } from "../sniff/sniff-csv";
import { excelCellToString } from "./excel-values";
import { RowSpool } from "./row-spool";
import { defaultReadLimits, type ReadLimits, type SourceRow, type TabularSource } from "./source";
import { worksheetsLast } from "./xlsx-entry-order";
import {
  inspectWorkbookZip,
  readWorkbookDirectory,
  type WorkbookDirectory,
  type WorkbookLimits,
} from "./xlsx-workbook";

/** Options for opening a workbook. */
export interface XlsxOptions extends Partial<ReadLimits> {
  /** Sheet to read, by name; default the first visible sheet. */
  sheet?: string;
  zipLimits?: Partial<WorkbookLimits>;
  /**
   * Most characters of sheet rows kept in memory for re-reading (default 64 Mi, ~64 MB; a 200,000-row
   * × 12-column sheet takes ~24 Mi); past it, each read parses the workbook again.
   */
  maxSpoolChars?: number;
}

interface ExcelRow {
  number: number;
  cellCount: number;
  eachCell(
    options: { includeEmpty: boolean },
    callback: (cell: { value: unknown; numFmt?: string }, column: number) => void,
  ): void;
}

/** ExcelJS's streaming reader module, imported alone (see `readSheet`); a string, so it stays untyped. */
const workbookReaderModule: string = "exceljs/lib/stream/xlsx/workbook-reader.js";

/** The part of `ExcelJS.stream.xlsx.WorkbookReader` used here. */
type WorkbookReaderClass = new (
  input: Readable,
  options: {
    sharedStrings: "cache";
    styles: "cache";
    worksheets: "emit";
    hyperlinks: "ignore";
    entries: "ignore";
  },
) => AsyncIterable<unknown>;

interface SheetReader extends AsyncIterable<ExcelRow> {
  id: number | string;
  name: string;
}

/**
 * Streams one sheet's rows as raw strings. The whole workbook is buffered (a zip needs its central
 * directory, at the end), but sheets are parsed row by row with shared strings and styles cached.
 */
async function* readSheet(
  bytes: Uint8Array,
  directory: WorkbookDirectory,
  target: { name: string; fileNumber: string },
  maxColumns: number,
  maxCellChars: number,
): AsyncGenerator<SourceRow> {
  // Loaded on first use, and only its streaming reader: the whole of ExcelJS (writers, CSV, the zip
  // writer) costs ~1.1 CPU s and ~25 MB of RSS to load under tsx, the reader ~0.7 s and ~13 MB, and most
  // imports are CSV. The path is ExcelJS 4.4.0's own (pinned), outside its typings: typed here.
  const { default: WorkbookReader } = (await import(workbookReaderModule)) as {
    default: WorkbookReaderClass;
  };
  const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { date1904 } = directory;
  const records = worksheetsLast(whole, directory.localHeaderOffsets);
  const reader = new WorkbookReader(Readable.from(records), {
    sharedStrings: "cache",
    styles: "cache",
    worksheets: "emit",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  try {
    for await (const sheet of reader as unknown as AsyncIterable<SheetReader>) {
      const isTarget =
        sheet.name === target.name ||
        (sheet.name === `Sheet${sheet.id}` && String(sheet.id) === target.fileNumber);
      if (!isTarget) continue;
      for await (const row of sheet) {
        if (row.cellCount > maxColumns) throw new TabularError("TOO_MANY_COLUMNS");
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          const text = excelCellToString(cell.value, cell.numFmt, date1904);
          if (text.length > maxCellChars) throw new TabularError("CELL_TOO_LARGE");
          cells[column - 1] = text;
        });
        for (let i = 0; i < cells.length; i += 1) cells[i] ??= "";
        yield { line: row.number, cells };
      }
      return;
    }
  } catch (error) {
    if (error instanceof TabularError) throw error;
    throw new TabularError("MALFORMED_FILE", undefined, { cause: error });
  }
  throw new TabularError("SHEET_NOT_FOUND");
}

/**
 * The data rows below the header: replayed from the spool, or read from the workbook again (`reread`)
 * when it overflowed. Built outside `openXlsx` so that, with a full spool, nothing the source keeps
 * refers to the workbook's bytes and they are freed (16.7 MB on the 200,000-row bench) while it is used.
 */
function dataRows(
  spool: RowSpool,
  reread: (() => AsyncGenerator<SourceRow>) | undefined,
  headerLine: number,
): Pick<TabularSource, "rows" | "batches"> {
  return {
    async *rows() {
      for await (const row of reread ? reread() : spool.rows()) if (row.line > headerLine) yield row;
    },
    async *batches() {
      if (reread) {
        let batch: SourceRow[] = [];
        for await (const row of reread()) {
          if (row.line <= headerLine) continue;
          batch.push(row);
          if (batch.length >= 1000) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
        return;
      }
      for await (const batch of spool.batches()) {
        const below =
          (batch[0]?.line ?? 0) > headerLine ? batch : batch.filter((row) => row.line > headerLine);
        if (below.length > 0) yield below;
      }
    },
  };
}

/**
 * Opens an XLSX workbook: refuses zip bombs before inflating anything, lists the sheets, picks one
 * (`options.sheet` or the first visible), finds its header row, and streams data rows as raw strings —
 * dates in the workbook's 1900 or 1904 system as ISO text, formulas as cached values, shared strings
 * resolved. Throws `EMPTY_FILE`, `ZIP_BOMB`, `MALFORMED_FILE`, `SHEET_NOT_FOUND`, `NO_HEADER`,
 * `TOO_MANY_COLUMNS` or `CELL_TOO_LARGE`.
 */
export async function openXlsx(bytes: Uint8Array, options: XlsxOptions = {}): Promise<TabularSource> {
  const limits = { ...defaultReadLimits, ...options };
  if (bytes.length === 0) throw new TabularError("EMPTY_FILE");
  await inspectWorkbookZip(bytes, options.zipLimits);
  const directory = await readWorkbookDirectory(bytes);
  const target = options.sheet
    ? directory.sheets.find((sheet) => sheet.name === options.sheet)
    : (directory.sheets.find((sheet) => !sheet.isHidden) ?? directory.sheets[0]);
  if (!target) throw new TabularError(options.sheet ? "SHEET_NOT_FOUND" : "EMPTY_FILE");
  const read = () => readSheet(bytes, directory, target, limits.maxColumns, limits.maxCellChars);

  // One pass over the sheet, spooled: every later read (profile, reference pass, validation) replays
  // the spool instead of inflating and parsing the XML again.
  const spool = new RowSpool(options.maxSpoolChars ?? 64 * 1024 * 1024);
  const head: SampleRecord[] = [];
  for await (const row of read()) {
    if (head.length < 30) head.push(row);
    if (!spool.add(row) && head.length >= 30) break;
  }
  spool.finish();
  if (head.length === 0) throw new TabularError("EMPTY_FILE");
  const widths = head.map((row) => row.cells.filter((cell) => cell.trim() !== "").length);
  const width = Math.max(1, Math.round(widths.sort((a, b) => a - b)[Math.floor(widths.length / 2)] ?? 1));
  const header = findHeaderRecord(head, width);

  return {
    sniff: {
      format: "xlsx",
      headerLine: header.line,
      sheet: target.name,
      sheets: directory.sheets.map(({ name, index, isHidden }) => ({ name, index, isHidden })),
      date1904: directory.date1904,
    },
    headers: normaliseHeaders(header.cells),
    ...dataRows(spool, spool.isOverflowed ? read : undefined, header.line),
  };
}
