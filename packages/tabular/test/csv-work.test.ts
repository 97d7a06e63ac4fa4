import { afterEach, describe, expect, it } from "vitest";
import { openCsv } from "../src/index";
import { inputOf, utf8 } from "./support";

const originalSplit = String.prototype.split;

afterEach(() => {
  String.prototype.split = originalSplit;
});

describe("openCsv work", () => {
  it("parses each character about once, even when the consumer is slower than the parser", async () => {
    const text = `ID,Name,Email\n${Array.from({ length: 20_000 }, (_, i) => `${i},Name ${i},user${i}@example.com`).join("\n")}\n`;
    const source = await openCsv(inputOf(utf8(text), 256 * 1024));
    // Papa Parse's unquoted fast path splits its input on newlines; count the characters it splits.
    let splitChars = 0;
    String.prototype.split = function (this: string, ...args: Parameters<typeof originalSplit>) {
      if ((args[0] as unknown) === "\n") splitChars += this.length;
      return originalSplit.apply(this, args);
    } as typeof originalSplit;
    let rows = 0;
    for await (const _row of source.rows()) {
      rows += 1;
      // A consumer that yields to the event loop now and then, like validation writing to a sink.
      if (rows % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(rows).toBe(20_000);
    expect(splitChars).toBeLessThan(text.length * 3);
  });

  it.each([
    ["ending in a line break", "\n", 7],
    ["ending in a line break, read in 64 KiB chunks", "\n", 64 * 1024],
    ["ending without one", "", 64 * 1024],
    ["ending in CRLF, in one chunk", "\r\n", 4 * 1024 * 1024],
  ])("reads every record once across parse blocks, %s", async (_, end, chunkSize) => {
    const newline = end === "\r\n" ? "\r\n" : "\n";
    const records = Array.from({ length: 30_000 }, (_, i) => `${i},"Name, ${i}",user${i}@example.com`);
    const text = `ID,Name,Email${newline}${records.join(newline)}${end}`;
    expect(text.length).toBeGreaterThan(20 * 48 * 1024);
    const source = await openCsv(inputOf(utf8(text), chunkSize));
    const lines: number[] = [];
    let last: string[] = [];
    for await (const row of source.rows()) {
      lines.push(row.line);
      last = row.cells;
    }
    expect(lines.length).toBe(30_000);
    expect(lines[0]).toBe(2);
    expect(lines.at(-1)).toBe(30_001);
    expect(last).toEqual(["29999", "Name, 29999", "user29999@example.com"]);
  });
});
