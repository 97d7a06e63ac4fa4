import type { SourceRow } from "./source";

/** Rows per spooled chunk: one `JSON.stringify` when written, one `JSON.parse` when replayed. */
const rowsPerChunk = 2000;

/**
 * The rows of one sheet kept as compact JSON text, so a workbook's rows can be read again (profile,
 * reference pass, validation) without parsing its XML again — a workbook pass costs ~20 µs a row in
 * ExcelJS against ~1 µs to replay. Bounded: past `maxChars` characters it stops and says so
 * (`isOverflowed`), and the caller reads the workbook again instead.
 */
export class RowSpool {
  private readonly chunks: string[] = [];
  private pending: Array<[number, string[]]> = [];
  private chars = 0;
  isOverflowed = false;

  constructor(private readonly maxChars: number) {}

  /** Keeps one row; false (and `isOverflowed`) once the spool is over its bound. */
  add(row: SourceRow): boolean {
    this.pending.push([row.line, row.cells]);
    if (this.pending.length >= rowsPerChunk) this.seal();
    return !this.isOverflowed;
  }

  /** Seals the last partial chunk; call once every row was added. */
  finish(): void {
    if (this.pending.length > 0) this.seal();
  }

  private seal(): void {
    const chunk = JSON.stringify(this.pending);
    this.pending = [];
    this.chars += chunk.length;
    if (this.chars > this.maxChars) {
      this.isOverflowed = true;
      this.chunks.length = 0;
      return;
    }
    this.chunks.push(chunk);
  }

  /** Replays the rows in order; may be called any number of times. */
  async *rows(): AsyncGenerator<SourceRow> {
    for (const chunk of this.chunks) {
      for (const [line, cells] of JSON.parse(chunk) as Array<[number, string[]]>) yield { line, cells };
    }
  }
}
