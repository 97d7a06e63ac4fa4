import type { Writable } from "node:stream";
import type { EntityDefinition } from "../entities/types";
import { rowErrorMessages } from "../errors";
import type { ValidatedRow } from "../validate/validator";
import { csvCell, csvText, jsonRecord, xmlRecord, xmlText } from "./formats";
import { LedgerCounter, type RowLedger } from "./ledger";
import { HashingOutput } from "./output";

/** The closed list of export formats. */
export const exportFormats = ["csv", "json", "ndjson", "xml"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** What to export and where; sinks are Node writable streams (a file, an upload, a discard). */
export interface ExportOptions {
  entity: EntityDefinition;
  /** Fields to write, in entity order (usually the mapped ones). */
  fields: readonly string[];
  format: ExportFormat;
  /** `include` writes invalid rows too (JSON/NDJSON/XML mark them); default `exclude`. */
  invalidRows?: "exclude" | "include";
  /** CSV only: start with a UTF-8 BOM (Excel on Windows needs it to read UTF-8). */
  bom?: boolean;
  sink: Writable;
  /** Optional second output: rejected rows as CSV with error columns, then the original cells. */
  rejected?: { sink: Writable; headers: readonly string[] };
}

/** The export's ledger and the SHA-256 and size of each output written. */
export interface ExportResult {
  ledger: RowLedger;
  sha256: string;
  bytes: number;
  rejected?: { sha256: string; bytes: number; rows: number };
}

const batchSize = 2000;

/**
 * Streams validated rows into one output format (and optionally the rejected rows into a CSV), hashing
 * as it writes, and balances the row ledger at the end against `readCount()` — the count the reader
 * kept (e.g. `validateSource(...).stats.read`). Throws `LEDGER_MISMATCH` when they differ.
 */
export async function exportRows(
  rows: AsyncIterable<ValidatedRow>,
  readCount: () => number,
  options: ExportOptions,
): Promise<ExportResult> {
  const fields = options.entity.fields.filter((field) => options.fields.includes(field.name));
  const includeInvalid = options.invalidRows === "include";
  const out = new HashingOutput(options.sink);
  const rejectedOut = options.rejected ? new HashingOutput(options.rejected.sink) : undefined;
  const ledger = new LedgerCounter();
  let written = 0;
  let rejectedRows = 0;
  let csvBatch: string[][] = [fields.map((field) => field.name)];
  let rejectedBatch: string[][] = [
    ["line", "error_codes", "error_fields", "error_messages", ...(options.rejected?.headers ?? [])],
  ];
  let isFirstCsvBatch = true;
  let isFirstRejectedBatch = true;
  const flushCsv = () => {
    const text = csvText(csvBatch, isFirstCsvBatch && options.bom === true);
    isFirstCsvBatch = false;
    csvBatch = [];
    return out.push(text);
  };
  const flushRejected = () => {
    const text = csvText(rejectedBatch, false);
    isFirstRejectedBatch = false;
    rejectedBatch = [];
    return rejectedOut?.push(text);
  };

  if (options.format === "json") await out.push("[");
  if (options.format === "xml") {
    await out.push(
      `<?xml version="1.0" encoding="UTF-8"?>\n<${options.entity.xml.root} entity="${xmlText(options.entity.name)}" version="${options.entity.version}">\n`,
    );
  }
  for await (const row of rows) {
    const isExported = row.status === "valid" || (row.status === "invalid" && includeInvalid);
    ledger.count(row, isExported);
    if (row.status === "invalid" && rejectedOut) {
      rejectedRows += 1;
      rejectedBatch.push([
        String(row.line),
        row.errors.map((error) => error.code).join("; "),
        row.errors.map((error) => error.field ?? "").join("; "),
        row.errors.map((error) => rowErrorMessages[error.code]).join(" "),
        ...row.cells,
      ]);
      if (rejectedBatch.length >= batchSize) await flushRejected();
    }
    if (!isExported) continue;
    let pending: Promise<void> | undefined;
    switch (options.format) {
      case "csv":
        csvBatch.push(fields.map((field) => csvCell(row.record[field.name])));
        if (csvBatch.length >= batchSize) pending = flushCsv();
        break;
      case "json":
        pending = out.push(`${written === 0 ? "\n" : ",\n"}${jsonRecord(row, fields)}`);
        break;
      case "ndjson":
        pending = out.push(`${jsonRecord(row, fields)}\n`);
        break;
      case "xml":
        pending = out.push(xmlRecord(row, options.entity, fields));
        break;
    }
    written += 1;
    if (pending) await pending;
  }
  if (options.format === "csv" && (csvBatch.length > 0 || isFirstCsvBatch)) await flushCsv();
  if (options.format === "json") await out.push(written === 0 ? "]\n" : "\n]\n");
  if (options.format === "xml") await out.push(`</${options.entity.xml.root}>\n`);
  if (rejectedOut && (rejectedBatch.length > 0 || isFirstRejectedBatch)) await flushRejected();
  // Balance before closing the outputs: an export whose ledger does not balance never completes.
  const balanced = ledger.close(readCount());
  const result = await out.close();
  const rejected = rejectedOut ? { ...(await rejectedOut.close()), rows: rejectedRows } : undefined;
  return { ledger: balanced, ...result, ...(rejected ? { rejected } : {}) };
}
