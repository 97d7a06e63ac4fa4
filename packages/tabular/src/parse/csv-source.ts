import { once } from "node:events";
import Papa from "papaparse";
import { TabularError } from "../errors";
import { ChunkDecoder, guessEncoding } from "../sniff/decode";
import { sniffCsvSample } from "../sniff/sniff-csv";
import { papaBatches } from "./papa-batches";
import { defaultReadLimits, type ReadLimits, type SourceRow, type TabularSource } from "./source";

/** Re-openable bytes: each call starts a fresh read (a file stream, a storage GET, a test array). */
export type ByteInput = () => AsyncIterable<Uint8Array>;

async function readSample(
  open: ByteInput,
  sampleBytes: number,
): Promise<{ bytes: Uint8Array; isComplete: boolean }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const iterator = open()[Symbol.asyncIterator]();
  try {
    while (total < sampleBytes) {
      const next = await iterator.next();
      if (next.done) return { bytes: Buffer.concat(chunks), isComplete: true };
      chunks.push(next.value);
      total += next.value.length;
    }
    return { bytes: Buffer.concat(chunks), isComplete: false };
  } finally {
    await iterator.return?.();
  }
}

function newlinesIn(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (cell.length === 0 || (cell.indexOf("\n") === -1 && cell.indexOf("\r") === -1)) continue;
    count += (cell.match(/\r\n|\n|\r/g) ?? []).length;
  }
  return count;
}

/**
 * Opens a CSV (or TSV, or semicolon/pipe-separated) file: sniffs encoding, delimiter and header row from
 * the first `sampleBytes`, then streams rows through Papa Parse with every value kept as the raw string
 * ("00123" stays "00123"). Throws `EMPTY_FILE`, `NO_HEADER`, `ENCODING_INVALID`, `TOO_MANY_COLUMNS` or
 * (while reading rows) `CELL_TOO_LARGE`.
 */
export async function openCsv(
  open: ByteInput,
  options: Partial<ReadLimits> & { sampleBytes?: number } = {},
): Promise<TabularSource> {
  const limits = { ...defaultReadLimits, ...options };
  const sample = await readSample(open, options.sampleBytes ?? 64 * 1024);
  if (sample.bytes.length === 0) throw new TabularError("EMPTY_FILE");
  const guess = guessEncoding(sample.bytes);
  const sampleDecoder = new ChunkDecoder(guess);
  const text = sampleDecoder.decode(sample.bytes) + (sample.isComplete ? sampleDecoder.end() : "");
  const sniff = sniffCsvSample(text, sample.isComplete, limits.maxColumns);
  // Papa guesses the line ending from its first chunk, which may hold no line break yet; decide it here.
  const newline = (/\r\n|\n|\r/.exec(text)?.[0] ?? "\n") as "\r\n" | "\n" | "\r";

  async function* rows(): AsyncGenerator<SourceRow> {
    const decoder = new ChunkDecoder(guess);
    const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
      delimiter: sniff.delimiter,
      newline,
      quoteChar: '"',
      skipEmptyLines: false,
    });
    // A consumer may stop early (profiling a sample): then the pump must stop waiting for "drain"
    // from a destroyed parser and close the input, or the read never settles.
    const stop = new AbortController();
    const pump = (async () => {
      for await (const chunk of open()) {
        const text = decoder.decode(chunk);
        if (text && !parser.write(text)) await once(parser, "drain", { signal: stop.signal });
      }
      const rest = decoder.end();
      if (rest) parser.write(rest);
      parser.end();
    })().catch((error: unknown) => {
      if (!stop.signal.aborted) parser.destroy(error as Error);
    });
    let record = 0;
    let line = 1;
    try {
      for await (const batch of papaBatches(parser)) {
        for (const cells of batch) {
          const rowLine = line;
          line += 1 + newlinesIn(cells);
          record += 1;
          if (record <= sniff.headerRecordIndex + 1) continue;
          if (cells.length > limits.maxColumns) throw new TabularError("TOO_MANY_COLUMNS");
          for (const cell of cells) {
            if (cell.length > limits.maxCellChars) {
              throw new TabularError("CELL_TOO_LARGE", undefined, { cause: new Error(`line ${rowLine}`) });
            }
          }
          yield { line: rowLine, cells };
        }
      }
    } finally {
      stop.abort();
      parser.destroy();
      await pump;
    }
  }

  return {
    sniff: {
      format: "csv",
      encoding: guess.encoding,
      delimiter: sniff.delimiter,
      headerLine: sniff.headerLine,
    },
    headers: sniff.headers,
    rows,
  };
}
