import type { TextEncodingName } from "../sniff/decode";
import type { CsvDelimiter } from "../sniff/sniff-csv";

/** One data row as read: raw string cells (never coerced) and the 1-based source line it starts on. */
export interface SourceRow {
  /** CSV: the physical line the record starts on; XLSX: the sheet's row number. */
  line: number;
  cells: string[];
}

/** A workbook sheet as listed by the workbook, in tab order. */
export interface SheetInfo {
  name: string;
  index: number;
  isHidden: boolean;
}

/** What was detected, for the operator ("semicolons, Windows-1252, header on line 3"). */
export interface SniffReport {
  format: "csv" | "xlsx";
  /** CSV only. */
  encoding?: TextEncodingName;
  /** CSV only. */
  delimiter?: CsvDelimiter;
  /** 1-based line (CSV) or row number (XLSX) of the header. */
  headerLine: number;
  /** XLSX only: the sheet read and every sheet of the workbook. */
  sheet?: string;
  sheets?: SheetInfo[];
  /** XLSX only: the workbook counts dates from 1904 (old Mac Excel). */
  date1904?: boolean;
}

/**
 * An opened spreadsheet: its sniff, its normalised headers, and its data rows. `rows()` may be called
 * more than once (each call reads the input again), which is how two-pass validation resolves
 * references to rows further down the file without holding the file in memory.
 */
export interface TabularSource {
  sniff: SniffReport;
  headers: string[];
  rows(): AsyncIterable<SourceRow>;
  /**
   * The same rows as `rows()`, in the reader's own batches (a CSV parse block, a spooled XLSX chunk):
   * one await per batch instead of one per row between stages. Optional; {@link sourceBatches} falls
   * back to `rows()`.
   */
  batches?(): AsyncIterable<SourceRow[]>;
}

/** A source's rows in batches: its own `batches()` when it has them, else one row per batch. */
export async function* sourceBatches(source: TabularSource): AsyncGenerator<SourceRow[]> {
  if (source.batches) {
    yield* source.batches();
    return;
  }
  for await (const row of source.rows()) yield [row];
}

/** Limits applied while reading; untrusted files can be as wide or as long as an attacker likes. */
export interface ReadLimits {
  /** Most columns accepted (default 2,000). */
  maxColumns: number;
  /** Longest cell in characters (default 1 MiB of characters). */
  maxCellChars: number;
}

/** Defaults for `ReadLimits`: wide enough for real HRIS exports, bounded against hostile ones. */
export const defaultReadLimits: Readonly<ReadLimits> = Object.freeze({
  maxColumns: 2000,
  maxCellChars: 1024 * 1024,
});
