import type { EntityDefinition, FieldDefinition } from "../entities/types";
import type { FieldValue } from "../validate/normalise-field";
import type { ValidatedRow } from "../validate/validator";

/** A plain number ("-2", "+3.5", "1e5") cannot run as a formula, so it is written as is. */
const plainNumber = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
/** After a line break inside a cell, a spreadsheet may read the next line as a formula too. */
const formulaAfterBreak = /([\r\n])([=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;

/** What a spreadsheet may run as a formula when it leads a cell (csv-stringify's `escape_formulas` list). */
const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A cell holding one of these is quoted (RFC 4180: separator, quote, line break). */
const needsQuotes = /[",\r\n]/;
/** Either of the above: most cells match neither and are written as they are after one scan. */
const needsWork = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]|[",\r\n]/;

/**
 * One CSV cell: formula injection defused — `'` before a leading `=`, `+`, `-`, `@`, tab, CR or their
 * full-width forms, and after every line break inside the cell; plain numbers exempt — then quoted when
 * it holds a separator, a quote or a line break (quotes doubled).
 */
function csvField(value: string): string {
  if (!needsWork.test(value)) return value;
  let cell = value;
  if (formulaStart.test(cell) && !((cell[0] === "-" || cell[0] === "+") && plainNumber.test(cell))) {
    cell = `'${cell}`;
  }
  if (cell.includes("\n") || cell.includes("\r")) cell = cell.replace(formulaAfterBreak, "$1'$2");
  return needsQuotes.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * One RFC 4180 CSV record (CRLF-terminated) with formula injection defused by {@link csvField}.
 * Hand-written rather than csv-stringify, which costs several times more per row (options normalised
 * and a cast per cell; `bench/csv-encoder.ts` measures both); `test/csv-text.test.ts` checks it writes
 * byte for byte what csv-stringify 6.9 writes with `escape_formulas`, CRLF records and line-break quoting.
 */
export function csvLine(cells: readonly string[]): string {
  let text = "";
  for (let index = 0; index < cells.length; index += 1) {
    if (index > 0) text += ",";
    text += csvField(cells[index] as string);
  }
  return `${text}\r\n`;
}

/** CSV text for rows of strings ({@link csvLine} each), optionally starting with a UTF-8 BOM. */
export function csvText(rows: readonly (readonly string[])[], withBom: boolean): string {
  let text = withBom ? "\uFEFF" : "";
  for (const row of rows) text += csvLine(row);
  return text;
}

/** One record's fields as a CSV record: typed values as cells (lists joined with "; "), then {@link csvLine}. */
export function csvRecordLine(record: ValidatedRow["record"], fields: readonly FieldDefinition[]): string {
  let text = "";
  for (let index = 0; index < fields.length; index += 1) {
    if (index > 0) text += ",";
    text += csvField(csvCell(record[(fields[index] as FieldDefinition).name]));
  }
  return `${text}\r\n`;
}

/** A typed value as one CSV cell (lists joined with "; "). */
export function csvCell(value: FieldValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join("; ");
  return String(value);
}

/** One record as a JSON object text; invalid rows (when included) carry their line and errors. */
export function jsonRecord(row: ValidatedRow, fields: readonly FieldDefinition[]): string {
  const out: Record<string, unknown> = {};
  for (const field of fields) out[field.name] = row.record[field.name] ?? null;
  if (row.status === "invalid") {
    out._line = row.line;
    out._errors = row.errors.map((error) => ({ field: error.field, code: error.code }));
  }
  return JSON.stringify(out);
}

/** Characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/FFFF): removed, not escaped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the XML 1.0 Char production is a list of control-character ranges.
const invalidXml = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe inside an XML element or attribute. */
export function xmlText(value: string): string {
  return value
    .replace(invalidXml, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** One record as an XML element (registry element names; lists nested as repeated item elements). */
export function xmlRecord(
  row: ValidatedRow,
  entity: EntityDefinition,
  fields: readonly FieldDefinition[],
): string {
  const attributes = row.status === "invalid" ? ` line="${row.line}" valid="false"` : "";
  let xml = `  <${entity.xml.record}${attributes}>\n`;
  for (const field of fields) {
    const value = row.record[field.name];
    if (value === null || value === undefined) continue;
    const { element, item } = field.xml;
    if (Array.isArray(value)) {
      const itemElement = item ?? "Item";
      xml += `    <${element}>${value.map((entry) => `<${itemElement}>${xmlText(entry)}</${itemElement}>`).join("")}</${element}>\n`;
    } else xml += `    <${element}>${xmlText(String(value))}</${element}>\n`;
  }
  return `${xml}  </${entity.xml.record}>\n`;
}
