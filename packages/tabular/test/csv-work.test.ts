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
});
