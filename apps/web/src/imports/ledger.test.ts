import { describe, expect, it } from "vitest";
import { exportLedgerFigures, ledgerSentence, rejectionReasons, rowErrorSentence } from "./ledger";

describe("ledgerSentence", () => {
  it("says where every row went, leaving out what did not happen", () => {
    const figures = { read: 1000, kept: 950, rejectedTotal: 40, rejected: {}, empty: 0, duplicates: 10 };
    expect(ledgerSentence(figures, "exported")).toBe(
      "1,000 rows read: 950 exported, 40 rejected, 10 duplicates",
    );
    expect(ledgerSentence({ ...figures, read: 1, kept: 1, rejectedTotal: 0, duplicates: 0 }, "valid")).toBe(
      "1 row read: 1 valid",
    );
  });
});

describe("rejectionReasons", () => {
  it("orders reasons by count and puts them in words, unknown codes kept as they are", () => {
    expect(rejectionReasons({ INVALID_EMAIL: 2, REQUIRED: 5, NEW_CODE: 1, INVALID_DATE: 0 })).toEqual([
      { code: "REQUIRED", sentence: "A value is required.", count: 5 },
      { code: "INVALID_EMAIL", sentence: "Not a valid email address.", count: 2 },
      { code: "NEW_CODE", sentence: "NEW_CODE", count: 1 },
    ]);
    expect(rowErrorSentence("DUPLICATE_VALUE")).toContain("unique");
  });
});

describe("exportLedgerFigures", () => {
  it("reads an export ledger and refuses one without its counts", () => {
    expect(
      exportLedgerFigures({
        read: 5,
        exported: 3,
        rejectedTotal: 1,
        rejected: { REQUIRED: 1 },
        empty: 1,
        duplicates: 0,
      }),
    ).toEqual({ read: 5, kept: 3, rejectedTotal: 1, rejected: { REQUIRED: 1 }, empty: 1, duplicates: 0 });
    expect(exportLedgerFigures({ read: "5" })).toBeNull();
    expect(exportLedgerFigures(null)).toBeNull();
  });
});
