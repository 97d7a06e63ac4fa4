import { createReadStream, mkdtempSync, type ReadStream, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isTabularError, openCsv, type TabularErrorCode } from "../src/index";
import { collect, inputOf, utf8 } from "./support";

async function read(bytes: Uint8Array, chunkSize = 7, options = {}) {
  const source = await openCsv(inputOf(bytes, chunkSize), options);
  return { source, rows: await collect(source.rows()) };
}

async function failure(promise: Promise<unknown>): Promise<TabularErrorCode | "no error"> {
  try {
    await promise;
    return "no error";
  } catch (error) {
    if (isTabularError(error)) return error.code;
    throw error;
  }
}

const utf16 = (text: string, littleEndian: boolean, bom: boolean) => {
  const body = Buffer.from(text, "utf16le");
  if (!littleEndian) body.swap16();
  const mark = littleEndian ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), body]) : body;
};

describe("openCsv encodings", () => {
  const text = "ID,Nom,Ville\n1,Zoë,Genève\n";

  it("strips a UTF-8 BOM", async () => {
    const { source, rows } = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(source.sniff.encoding).toBe("utf-8");
    expect(source.headers).toEqual(["ID", "Nom", "Ville"]);
    expect(rows[0]?.cells).toEqual(["1", "Zoë", "Genève"]);
  });

  it.each([
    [true, true],
    [false, true],
    [true, false],
    [false, false],
  ])("reads UTF-16 (little-endian %s, BOM %s)", async (littleEndian, bom) => {
    const { source, rows } = await read(utf16(text, littleEndian, bom), 5);
    expect(source.sniff.encoding).toBe(littleEndian ? "utf-16le" : "utf-16be");
    expect(source.headers).toEqual(["ID", "Nom", "Ville"]);
    expect(rows[0]?.cells).toEqual(["1", "Zoë", "Genève"]);
  });

  it("falls back to Windows-1252 when the bytes are not valid UTF-8", async () => {
    const { source, rows } = await read(
      Buffer.from("Name;Stadt\nJ\xfcrgen M\xfcller;K\xf6ln \x96 S\xfcd\n", "latin1"),
    );
    expect(source.sniff.encoding).toBe("windows-1252");
    expect(rows[0]?.cells).toEqual(["Jürgen Müller", "Köln – Süd"]);
  });

  it("switches to Windows-1252 when the first non-ASCII byte comes after an ASCII sample", async () => {
    const ascii = `ID,Name\n${"1,Smith\n".repeat(2000)}`;
    const bytes = Buffer.concat([Buffer.from(ascii), Buffer.from("2,Müller\n", "latin1")]);
    const { rows } = await read(bytes, 4096, { sampleBytes: 1024 });
    expect(rows.at(-1)?.cells).toEqual(["2", "Müller"]);
  });

  it("refuses invalid UTF-8 after real UTF-8 text instead of guessing per row", async () => {
    const bytes = Buffer.concat([
      Buffer.from(`ID,Name\n1,Zoë\n${"2,Smith\n".repeat(500)}`),
      Buffer.from("3,M\xfcller\n", "latin1"),
    ]);
    const source = await openCsv(inputOf(bytes, 512), { sampleBytes: 256 });
    expect(await failure(collect(source.rows()))).toBe("ENCODING_INVALID");
  });
});

describe("openCsv shape", () => {
  it.each([",", ";", "\t", "|"])("detects the delimiter %j by consistent field counts", async (delimiter) => {
    const lines = [
      ["ID", "Name", "Amount"],
      ["1", "Smith, John", "1,50"],
      ["2", "Doe; Jane", "2|5"],
      ["3", "X", "3"],
    ];
    const text = lines
      .map((cells) => cells.map((cell) => (cell.includes(delimiter) ? `"${cell}"` : cell)).join(delimiter))
      .join("\r\n");
    const { source, rows } = await read(utf8(text));
    expect(source.sniff.delimiter).toBe(delimiter);
    expect(rows.map((row) => row.cells)).toEqual(lines.slice(1));
  });

  it("skips title lines and blank rows above the header and reports the header line", async () => {
    const text = "Employee export – March 2024;;;\n;;;\n\nID;First;Last;Zip\n00123;Ana;Silva;02139\n";
    const { source, rows } = await read(utf8(text));
    expect(source.sniff).toMatchObject({ delimiter: ";", headerLine: 4 });
    expect(rows).toEqual([{ line: 5, cells: ["00123", "Ana", "Silva", "02139"] }]);
  });

  it("keeps quotes, embedded newlines and source line numbers", async () => {
    const text = 'ID,Note,Zip\n1,"line one\nline ""two""",02139\n2,plain,00501\n';
    const { rows } = await read(utf8(text));
    expect(rows).toEqual([
      { line: 2, cells: ["1", 'line one\nline "two"', "02139"] },
      { line: 4, cells: ["2", "plain", "00501"] },
    ]);
  });

  it("keeps values as raw strings: leading zeros and 20-digit ids intact", async () => {
    const { rows } = await read(utf8("ID,Zip,Date\n12345678901234567890,02139,01/02/03\n00123,00501,1e5\n"));
    expect(rows.map((row) => row.cells)).toEqual([
      ["12345678901234567890", "02139", "01/02/03"],
      ["00123", "00501", "1e5"],
    ]);
  });

  it("reads a 1,000-column file and a 1-column file", async () => {
    const headers = Array.from({ length: 1000 }, (_, index) => `C${index}`);
    const wide = await read(
      utf8(`${headers.join(",")}\n${headers.map((_, index) => index).join(",")}\n`),
      4096,
    );
    expect(wide.source.headers).toHaveLength(1000);
    expect(wide.rows[0]?.cells[999]).toBe("999");
    const narrow = await read(utf8("Email\na@example.com\nb@example.com\n"));
    expect(narrow.source.headers).toEqual(["Email"]);
    expect(narrow.rows.map((row) => row.cells)).toEqual([["a@example.com"], ["b@example.com"]]);
  });

  it("refuses more columns than allowed", async () => {
    const headers = Array.from({ length: 50 }, (_, index) => `C${index}`).join(",");
    expect(await failure(openCsv(inputOf(utf8(`${headers}\n`)), { maxColumns: 20 }))).toBe(
      "TOO_MANY_COLUMNS",
    );
  });

  it("treats a header named __proto__ as an ordinary label", async () => {
    const { source, rows } = await read(utf8("__proto__,constructor,ID\nx,y,1\n"));
    expect(source.headers).toEqual(["__proto__", "constructor", "ID"]);
    expect(rows[0]?.cells).toEqual(["x", "y", "1"]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("names empty headers and suffixes repeated ones", async () => {
    const { source } = await read(utf8("Name,,Name\na,b,c\n"));
    expect(source.headers).toEqual(["Name", "Column 2", "Name (2)"]);
  });

  it("reads a 1 MB cell and refuses one over the cell limit", async () => {
    const big = "x".repeat(1_000_000);
    const { rows } = await read(utf8(`ID,Blob\n1,"${big}"\n`), 65536);
    expect(rows[0]?.cells[1]).toHaveLength(1_000_000);
    const source = await openCsv(inputOf(utf8(`ID,Blob\n1,${big}\n`), 65536), { maxCellChars: 100_000 });
    expect(await failure(collect(source.rows()))).toBe("CELL_TOO_LARGE");
  });

  it("settles and closes the input when the consumer stops early (profiling a sample)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tabular-"));
    const path = join(dir, "big.csv");
    writeFileSync(path, `ID,Name\n${"1,Smith\n".repeat(200_000)}`);
    const streams: ReadStream[] = [];
    const source = await openCsv(() => {
      const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
      streams.push(stream);
      return stream;
    });
    for await (const row of source.rows()) {
      expect(row.cells).toEqual(["1", "Smith"]);
      break;
    }
    expect(streams.at(-1)?.destroyed).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  }, 10_000);

  it("refuses a quote that never closes early, without re-scanning the rest of the file", async () => {
    const bytes = utf8(`ID,Blob\n1,"${"x".repeat(4_000_000)}\n2,y\n`);
    let chunksRead = 0;
    const source = await openCsv(
      async function* () {
        for (let offset = 0; offset < bytes.length; offset += 65_536) {
          chunksRead += 1;
          yield bytes.subarray(offset, offset + 65_536);
        }
      },
      { maxCellChars: 100_000 },
    );
    chunksRead = 0;
    expect(await failure(collect(source.rows()))).toBe("CELL_TOO_LARGE");
    expect(chunksRead).toBeLessThan(10);
  });

  it.each([
    ["an empty file", "", "EMPTY_FILE"],
    ["only whitespace", " \n\n \r\n", "EMPTY_FILE"],
    ["no header (numbers only)", "1,2,3\n4,5,6\n", "NO_HEADER"],
  ])("fails %s with a clear code", async (_, text, code) => {
    expect(await failure(openCsv(inputOf(utf8(text))))).toBe(code);
  });
});
