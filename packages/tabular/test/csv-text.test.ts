import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { csvText } from "../src/write/formats";

const plainNumber = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const formulaAfterBreak = /([\r\n])([=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;

/** What the export wrote through csv-stringify 6.9 before the hand-written encoder: the reference. */
function reference(rows: string[][], withBom: boolean): string {
  return stringify(rows, {
    bom: withBom,
    escape_formulas: true,
    record_delimiter: "\r\n",
    quoted_match: /[\r\n]/,
    cast: {
      string: (value: string) => {
        if ((value[0] === "-" || value[0] === "+") && plainNumber.test(value))
          return { value, escape_formulas: false };
        return value.includes("\n") || value.includes("\r")
          ? value.replace(formulaAfterBreak, "$1'$2")
          : value;
      },
    },
  });
}

const alphabet = [
  "a",
  "1",
  "-",
  "+",
  "=",
  "@",
  "\t",
  "\r",
  "\n",
  '"',
  ",",
  " ",
  ".",
  "e",
  "'",
  "；",
  "＝",
  "＋",
  "－",
  "＠",
  "ü",
];

/** Deterministic pseudo-random strings over the characters that matter to quoting and formulas. */
function corpus(count: number): string[] {
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed;
  };
  return Array.from({ length: count }, () => {
    const length = next() % 8;
    return Array.from({ length }, () => alphabet[next() % alphabet.length]).join("");
  });
}

describe("csvText", () => {
  it("writes byte for byte what csv-stringify wrote, formulas defused, on hostile and random cells", () => {
    const cells = [
      "",
      "-2",
      "+3.5",
      "1e5",
      "-1e5x",
      "=1+1",
      "@SUM(A1)",
      "\tTAB",
      "\rCR",
      "\uFF1D1+1",
      "ok\n=cmd|' /C calc'!A0",
      'say "hi"',
      "a,b",
      "line\r\nbreak",
      "  padded  ",
      ...corpus(5000),
    ];
    const rows: string[][] = [];
    for (let index = 0; index < cells.length; index += 3) rows.push(cells.slice(index, index + 3));
    expect(csvText(rows, false)).toBe(reference(rows, false));
    expect(csvText(rows.slice(0, 5), true)).toBe(reference(rows.slice(0, 5), true));
  });

  it("writes nothing for no rows and keeps a lone empty cell", () => {
    expect(csvText([], false)).toBe(reference([], false));
    expect(csvText([[""]], false)).toBe(reference([[""]], false));
  });
});
