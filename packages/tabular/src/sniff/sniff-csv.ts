import { TabularError } from "../errors";

/** The closed list of delimiters the sniffer chooses between. */
export const csvDelimiters = [",", ";", "\t", "|"] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

/** One record of the sample with the physical line (1-based) it starts on. */
export interface SampleRecord {
  line: number;
  cells: string[];
}

/**
 * Splits text into RFC 4180 records (quotes, doubled quotes, embedded newlines; CRLF, LF or CR).
 * Blank lines are records with one empty cell, exactly as Papa Parse reports them, so record counts
 * agree when the stream is parsed for real. Without `isComplete` the last, possibly cut, record is dropped.
 */
export function splitSample(
  text: string,
  delimiter: string,
  maxRecords: number,
  isComplete: boolean,
): SampleRecord[] {
  const records: SampleRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = "";
  };
  while (i < text.length && records.length < maxRecords) {
    const char = text[i] as string;
    if (inQuotes) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (char === '"') inQuotes = false;
      else {
        if (char === "\n" || (char === "\r" && text[i + 1] !== "\n")) line += 1;
        cell += char;
      }
      i += 1;
      continue;
    }
    if (char === '"' && cell === "") inQuotes = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else cell += char;
    i += 1;
  }
  if (isComplete && records.length < maxRecords && (cell !== "" || cells.length > 0)) endRecord();
  return records;
}

const isBlank = (record: SampleRecord) => record.cells.every((cell) => cell.trim() === "");

/** Modal field count among non-blank records and the share of records that have it. */
function consistency(records: SampleRecord[]): { width: number; share: number } {
  const counts = new Map<number, number>();
  let total = 0;
  for (const record of records) {
    if (isBlank(record)) continue;
    total += 1;
    counts.set(record.cells.length, (counts.get(record.cells.length) ?? 0) + 1);
  }
  let width = 1;
  let best = 0;
  for (const [count, frequency] of counts) {
    if (frequency > best || (frequency === best && count > width)) {
      width = count;
      best = frequency;
    }
  }
  return { width, share: total === 0 ? 0 : best / total };
}

/** What the sample says about the file's shape. */
export interface CsvSniff {
  delimiter: CsvDelimiter;
  /** Index of the header among the file's records (blank and title lines above it count). */
  headerRecordIndex: number;
  /** 1-based physical line of the header. */
  headerLine: number;
  headers: string[];
}

/** A header cell looks like a label, not like data (numbers and dates are data). */
const looksLikeData = (cell: string) => /^[\s\d.,:/+\-()$€£%]+$/.test(cell);

/**
 * Picks the delimiter whose field counts are most consistent over the sample (ties: more fields), then
 * the header: the first record with the modal width whose cells are mostly filled labels — so title
 * lines ("Export March 2024", or "Title;;;;" padded by Excel) and blank rows above it are skipped.
 */
export function sniffCsvSample(text: string, isComplete: boolean, maxColumns: number): CsvSniff {
  if (text.trim() === "") throw new TabularError("EMPTY_FILE");
  let chosen: { delimiter: CsvDelimiter; records: SampleRecord[]; width: number; share: number } | undefined;
  for (const delimiter of csvDelimiters) {
    const records = splitSample(text, delimiter, 200, isComplete);
    const { width, share } = consistency(records.slice(Math.min(5, Math.floor(records.length / 2))));
    if (width < 2) continue;
    if (!chosen || share > chosen.share + 0.05 || (share >= chosen.share - 0.05 && width > chosen.width)) {
      chosen = { delimiter, records, width, share };
    }
  }
  const delimiter = chosen?.delimiter ?? ",";
  const records = chosen?.records ?? splitSample(text, ",", 200, isComplete);
  const width = chosen?.width ?? 1;
  if (width > maxColumns) throw new TabularError("TOO_MANY_COLUMNS");
  const header = findHeaderRecord(records, width);
  return {
    delimiter,
    headerRecordIndex: header.index,
    headerLine: header.line,
    headers: normaliseHeaders(header.cells),
  };
}

/**
 * The header among the first 30 records: the first with (at least) the modal width whose cells are mostly
 * filled labels rather than numbers or dates. Shared by the CSV and XLSX readers; `NO_HEADER` if none.
 */
export function findHeaderRecord(
  records: readonly SampleRecord[],
  width: number,
): { index: number; line: number; cells: string[] } {
  const searchLimit = Math.min(records.length, 30);
  for (let index = 0; index < searchLimit; index += 1) {
    const record = records[index] as SampleRecord;
    if (isBlank(record) || record.cells.length < width) continue;
    const filled = record.cells.filter((cell) => cell.trim() !== "");
    if (filled.length < Math.ceil(width * 0.5)) continue;
    if (filled.filter(looksLikeData).length > filled.length / 2) continue;
    return { index, line: record.line, cells: record.cells };
  }
  throw new TabularError("NO_HEADER");
}

/**
 * Trims headers, names empty ones `Column N` and suffixes repeats (`Name (2)`), so every column has a
 * distinct label. Headers are only ever used as array labels and Map keys, never as object keys, so a
 * header named `__proto__` is an ordinary label.
 */
export function normaliseHeaders(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((raw, index) => {
    const base = raw.replace(/\s+/g, " ").trim() || `Column ${index + 1}`;
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    return count === 1 ? base : `${base} (${count})`;
  });
}
