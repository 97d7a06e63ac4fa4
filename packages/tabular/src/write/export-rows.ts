import type { Writable } from "node:stream";
import type { EntityDefinition } from "../entities/types";
import { rowErrorMessages } from "../errors";
import type { ValidatedRow } from "../validate/validator";
import { csvLine, csvRecordLine, jsonRecord, xmlRecord, xmlText } from "./formats";
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

/** Characters of rejected-rows CSV gathered before one write (fewer, larger writes). */
const rejectedChunkChars = 64 * 1024;

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
  let rejectedText = csvLine([
    "line",
    "error_codes",
    "error_fields",
    "error_messages",
    ...(options.rejected?.headers ?? []),
  ]);
  const flushRejected = () => {
    const text = rejectedText;
    rejectedText = "";
    return rejectedOut?.push(text);
  };

  if (options.format === "csv") {
    // The output buffers up to 64 KiB itself, so each record goes straight to it.
    await out.push((options.bom === true ? "\uFEFF" : "") + csvLine(fields.map((field) => field.name)));
  }
  if (options.format === "json") await out.push("[");
  if (options.format === "xml") {
    await out.push(
      `<?xml version="1.0" encoding="UTF-8"?>\n<${options.entity.xml.root} entity="${xmlText(options.entity.name)}" version="${options.entity.version}">\n`,
    );
  }
  /** Counts and writes one row; a promise only when an output had to wait for its sink. */
  const writeRow = (row: ValidatedRow): Promise<unknown> | undefined => {
    const isExported = row.status === "valid" || (row.status === "invalid" && includeInvalid);
    ledger.count(row, isExported);
    let waiting: Promise<void> | undefined;
    if (row.status === "invalid" && rejectedOut) {
      rejectedRows += 1;
      rejectedText += csvLine([
        String(row.line),
        row.errors.map((error) => error.code).join("; "),
        row.errors.map((error) => error.field ?? "").join("; "),
        row.errors.map((error) => rowErrorMessages[error.code]).join(" "),
        ...row.cells,
      ]);
      if (rejectedText.length >= rejectedChunkChars) waiting = flushRejected();
    }
    if (!isExported) return waiting;
    let pending: Promise<void> | undefined;
    switch (options.format) {
      case "csv":
        pending = out.push(csvRecordLine(row.record, fields));
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
    return waiting && pending ? Promise.all([waiting, pending]) : (waiting ?? pending);
  };
  for await (const row of rows) {
    const pending = writeRow(row);
    if (pending) await pending;
  }
  if (options.format === "json") await out.push(written === 0 ? "]\n" : "\n]\n");
  if (options.format === "xml") await out.push(`</${options.entity.xml.root}>\n`);
  if (rejectedText.length > 0) await flushRejected();
  // Balance before closing the outputs: an export whose ledger does not balance never completes.
  const balanced = ledger.close(readCount());
  const result = await out.close();
  const rejected = rejectedOut ? { ...(await rejectedOut.close()), rows: rejectedRows } : undefined;
  return { ledger: balanced, ...result, ...(rejected ? { rejected } : {}) };
}
