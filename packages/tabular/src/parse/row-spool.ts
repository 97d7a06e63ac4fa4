import type { SourceRow } from "./source";

/** Rows per spooled chunk: one joined text and three typed arrays, decoded a chunk at a time. */
const rowsPerChunk = 2000;

/** One sealed chunk: every cell's text back to back, where each cell ends, each row's width and line. */
interface SpoolChunk {
  text: string;
  cellEnds: Int32Array;
  widths: Int32Array;
  lines: Int32Array;
}

/**
 * The rows of one sheet kept compactly, so a workbook's rows can be read again (profile, reference
 * pass, validation) without parsing its XML again — a workbook pass costs ~20 µs a row in ExcelJS.
 * Each chunk is its cells' text joined without separators plus typed arrays of cell ends, row widths
 * and line numbers: replaying a row is one slice per cell (the JSON text this replaced cost ~7 µs a
 * row in `JSON.parse` on the 200,000-row bench). Bounded: past `maxChars` (characters, plus one per
 * cell for its offset) it stops and says so (`isOverflowed`), and the caller reads the workbook again.
 */
export class RowSpool {
  private readonly chunks: SpoolChunk[] = [];
  private cells: string[] = [];
  private cellEnds: number[] = [];
  private widths: number[] = [];
  private lines: number[] = [];
  private pendingChars = 0;
  private chars = 0;
  isOverflowed = false;

  constructor(private readonly maxChars: number) {}

  /** Keeps one row; false (and `isOverflowed`) once the spool is over its bound. */
  add(row: SourceRow): boolean {
    if (this.isOverflowed) return false;
    for (const cell of row.cells) {
      this.pendingChars += cell.length;
      this.cells.push(cell);
      this.cellEnds.push(this.pendingChars);
    }
    this.widths.push(row.cells.length);
    this.lines.push(row.line);
    if (this.lines.length >= rowsPerChunk) this.seal();
    return !this.isOverflowed;
  }

  /** Seals the last partial chunk; call once every row was added. */
  finish(): void {
    if (this.lines.length > 0) this.seal();
  }

  private seal(): void {
    const chunk: SpoolChunk = {
      // One flat string per chunk: `join` copies the cells out of the parser's larger strings.
      text: this.cells.join(""),
      cellEnds: Int32Array.from(this.cellEnds),
      widths: Int32Array.from(this.widths),
      lines: Int32Array.from(this.lines),
    };
    this.chars += chunk.text.length + chunk.cellEnds.length;
    this.cells = [];
    this.cellEnds = [];
    this.widths = [];
    this.lines = [];
    this.pendingChars = 0;
    if (this.chars > this.maxChars) {
      this.isOverflowed = true;
      this.chunks.length = 0;
      return;
    }
    this.chunks.push(chunk);
  }

  /** Replays the rows in order, one array per chunk; may be called any number of times. */
  async *batches(): AsyncGenerator<SourceRow[]> {
    for (const chunk of this.chunks) yield decode(chunk);
  }

  /** Replays the rows in order; may be called any number of times. */
  async *rows(): AsyncGenerator<SourceRow> {
    for (const chunk of this.chunks) yield* decode(chunk);
  }
}

function decode({ text, cellEnds, widths, lines }: SpoolChunk): SourceRow[] {
  const rows: SourceRow[] = new Array(lines.length);
  let cell = 0;
  let start = 0;
  for (let row = 0; row < lines.length; row += 1) {
    const width = widths[row] as number;
    const cells: string[] = new Array(width);
    for (let index = 0; index < width; index += 1) {
      const end = cellEnds[cell] as number;
      cells[index] = text.slice(start, end);
      start = end;
      cell += 1;
    }
    rows[row] = { line: lines[row] as number, cells };
  }
  return rows;
}
