const msPerDay = 86_400_000;

/** Zero-padded calendar parts of a UTC timestamp. */
function isoParts(ms: number, withTime: boolean): string {
  const date = new Date(ms).toISOString();
  return withTime ? date.slice(0, 19) : date.slice(0, 10);
}

/**
 * An Excel date serial as ISO 8601 text. 1900 system: serial 1 is 1900-01-01 and Excel counts a
 * 29 February 1900 that never existed (serial 60, Lotus's bug), so serials below 60 are one day later
 * than the plain epoch arithmetic gives, and 60 itself is returned as the impossible "1900-02-29" for
 * validation to reject. 1904 system: serial 0 is 1904-01-01. Whole days give a date, fractions a
 * date-time, and pure times (serial < 1) a time of day.
 */
export function excelSerialToIso(serial: number, date1904: boolean): string {
  const totalMs = Math.round(serial * msPerDay);
  return excelMsToIso(totalMs, date1904);
}

function excelMsToIso(totalMs: number, date1904: boolean): string {
  let days = Math.floor(totalMs / msPerDay);
  const timeMs = Math.round((totalMs - days * msPerDay) / 1000) * 1000;
  if (days === 0 && timeMs > 0) return new Date(timeMs).toISOString().slice(11, 19);
  if (!date1904) {
    if (days === 60) return "1900-02-29";
    if (days < 60) days += 1;
  }
  const epochDays = days - (date1904 ? 24_107 : 25_569);
  return isoParts(epochDays * msPerDay + timeMs, timeMs > 0);
}

/**
 * ExcelJS turns date-formatted cells into a `Date` with plain epoch arithmetic (no 1900 leap-year
 * correction); this recovers the exact serial from it (integer milliseconds) and converts it properly.
 */
export function excelJsDateToIso(date: Date, date1904: boolean): string {
  const totalMs = date.getTime() + (date1904 ? 24_107 : 25_569) * msPerDay;
  return excelMsToIso(totalMs, date1904);
}

/**
 * A number as Excel displays it: 15 significant digits, so binary artefacts (0.30000000000000004) do
 * not leak into exports, and integers in full (no exponent below 1e21).
 */
export function excelNumberToString(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}

const dateFormats = new Map<string, boolean>();

/** True when a number format shows a date or time (ignoring quoted text, escapes and [colour] blocks). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  // A workbook has a handful of formats and every numeric cell asks: decide each once (bounded).
  const known = dateFormats.get(format);
  if (known !== undefined) return known;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?!h|m|s)[^\]]*\]/gi, "");
  const isDate = /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
  if (dateFormats.size < 1000) dateFormats.set(format, isDate);
  return isDate;
}

/** The cell shapes ExcelJS's streaming reader produces. */
type ExcelCellValue =
  | null
  | undefined
  | string
  | number
  | boolean
  | Date
  | { formula?: string; sharedFormula?: string; result?: unknown }
  | { richText: Array<{ text: string }> }
  | { text: unknown; hyperlink: string }
  | { error: string };

/**
 * One cell as a raw string, the way the operator saw it: formulas as their cached results, rich text
 * joined, hyperlinks as their text, errors as "#N/A", dates (by value or by number format) as ISO text.
 */
export function excelCellToString(value: unknown, numFmt: string | undefined, date1904: boolean): string {
  const cell = value as ExcelCellValue;
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "number")
    return isDateFormat(numFmt) ? excelSerialToIso(cell, date1904) : excelNumberToString(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof Date) return excelJsDateToIso(cell, date1904);
  if ("richText" in cell) return cell.richText.map((run) => run.text).join("");
  if ("hyperlink" in cell) return excelCellToString(cell.text, numFmt, date1904);
  if ("error" in cell) return cell.error;
  if ("result" in cell || "formula" in cell || "sharedFormula" in cell) {
    return excelCellToString(cell.result, numFmt, date1904);
  }
  return "";
}
