import { stringify } from "csv-stringify/sync";
import type { EntityDefinition, FieldDefinition } from "../entities/types";
import type { FieldValue } from "../validate/normalise-field";
import type { ValidatedRow } from "../validate/validator";

/** A plain number ("-2", "+3.5", "1e5") cannot run as a formula, so it is written as is. */
const plainNumber = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
/** After a line break inside a cell, a spreadsheet may read the next line as a formula too. */
const formulaAfterBreak = /([\r\n])([=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;

/**
 * RFC 4180 CSV text for rows of strings through csv-stringify, with formula injection defused: its
 * `escape_formulas` prefixes `'` to cells starting with `=`, `+`, `-`, `@`, tab, CR or their full-width
 * forms; we do the same after every line break inside a cell, and exempt plain numbers.
 */
export function csvText(rows: string[][], withBom: boolean): string {
  return stringify(rows, {
    bom: withBom,
    escape_formulas: true,
    record_delimiter: "\r\n",
    // csv-stringify 6.9 leaves cells with line breaks unquoted once record_delimiter is "\r\n",
    // which splits the record on re-import; quote them explicitly.
    quoted_match: /[\r\n]/,
    cast: {
      string: (value: string) => {
        // Only a leading sign can trip escape_formulas; returning options for other values would make
        // csv-stringify re-normalise its options for every such cell.
        if ((value[0] === "-" || value[0] === "+") && plainNumber.test(value))
          return { value, escape_formulas: false };
        return value.includes("\n") || value.includes("\r")
          ? value.replace(formulaAfterBreak, "$1'$2")
          : value;
      },
    },
  });
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
