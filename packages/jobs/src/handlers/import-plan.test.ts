import { describe, expect, it } from "vitest";
import { assertStoredBalance, type ValidationLedger } from "./import-plan";

const ledger: ValidationLedger = {
  read: 6,
  valid: 2,
  rejected: { INVALID_EMAIL: 1, REQUIRED: 1 },
  rejectedTotal: 2,
  empty: 1,
  duplicates: 1,
  referencesChecked: true,
};
const stored = {
  valid: 2,
  invalid: 2,
  empty: 1,
  duplicate: 1,
  byFirstCode: { INVALID_EMAIL: 1, REQUIRED: 1 },
};

describe("assertStoredBalance", () => {
  it("accepts stored rows that divide exactly as the ledger says", () => {
    expect(() => assertStoredBalance(ledger, stored)).not.toThrow();
  });

  it.each([
    ["a row lost on the way to the table", { ...stored, valid: 1 }],
    ["a row stored twice", { ...stored, empty: 2 }],
    ["a rejection under another code", { ...stored, byFirstCode: { INVALID_EMAIL: 2 } }],
    ["an extra code", { ...stored, byFirstCode: { ...stored.byFirstCode, TOO_LONG: 1 } }],
  ])("refuses %s with LEDGER_MISMATCH", (_label, counts) => {
    expect(() => assertStoredBalance(ledger, counts)).toThrow(
      expect.objectContaining({ code: "LEDGER_MISMATCH" }),
    );
  });

  it("refuses a ledger that does not balance in itself", () => {
    expect(() => assertStoredBalance({ ...ledger, read: 7 }, stored)).toThrow(
      expect.objectContaining({ code: "LEDGER_MISMATCH" }),
    );
  });
});
