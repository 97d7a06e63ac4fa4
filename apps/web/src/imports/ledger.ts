import { type RowErrorCode, rowErrorCodes, rowErrorMessages } from "@vitae/tabular/errors";
import { formatCount } from "../lib/format";

/** The figures both ledgers share: a validation's (`valid`) and an export's (`exported`). */
export interface LedgerFigures {
  read: number;
  /** Rows that passed (validation) or were written (export). */
  kept: number;
  rejectedTotal: number;
  rejected: Record<string, number>;
  empty: number;
  duplicates: number;
}

function rows(count: number): string {
  return `${formatCount(count)} ${count === 1 ? "row" : "rows"}`;
}

/**
 * The ledger in one sentence: "1,000 rows read: 950 exported, 40 rejected, 10 duplicates". Zero parts
 * other than the kept count are left out so the sentence says only what happened.
 */
export function ledgerSentence(ledger: LedgerFigures, keptWord: "valid" | "exported"): string {
  const parts = [`${formatCount(ledger.kept)} ${keptWord}`];
  if (ledger.rejectedTotal > 0) parts.push(`${formatCount(ledger.rejectedTotal)} rejected`);
  if (ledger.duplicates > 0) {
    parts.push(`${formatCount(ledger.duplicates)} ${ledger.duplicates === 1 ? "duplicate" : "duplicates"}`);
  }
  if (ledger.empty > 0) parts.push(`${formatCount(ledger.empty)} empty`);
  return `${rows(ledger.read)} read: ${parts.join(", ")}`;
}

/** True when a string is one of the row error codes the server can return. */
export function isRowErrorCode(code: string): code is RowErrorCode {
  return (rowErrorCodes as readonly string[]).includes(code);
}

/** A row error code in words; an unknown code falls back to itself so nothing is hidden. */
export function rowErrorSentence(code: string): string {
  return isRowErrorCode(code) ? rowErrorMessages[code] : code;
}

/** Why rows were rejected, most frequent first: [{ code, sentence, count }]. */
export function rejectionReasons(rejected: Record<string, number>) {
  return Object.entries(rejected)
    .filter(([, count]) => count > 0)
    .sort(([a, left], [b, right]) => right - left || a.localeCompare(b))
    .map(([code, count]) => ({ code, sentence: rowErrorSentence(code), count }));
}

/** An export's ledger as `exports.byId` returns it (stored jsonb), read defensively. */
export function exportLedgerFigures(ledger: Record<string, unknown> | null): LedgerFigures | null {
  if (ledger === null) return null;
  const number = (key: string) => (typeof ledger[key] === "number" ? (ledger[key] as number) : null);
  const read = number("read");
  const exported = number("exported");
  if (read === null || exported === null) return null;
  const rejected =
    typeof ledger.rejected === "object" && ledger.rejected !== null
      ? Object.fromEntries(
          Object.entries(ledger.rejected).filter(
            (entry): entry is [string, number] => typeof entry[1] === "number",
          ),
        )
      : {};
  return {
    read,
    kept: exported,
    rejectedTotal: number("rejectedTotal") ?? 0,
    rejected,
    empty: number("empty") ?? 0,
    duplicates: number("duplicates") ?? 0,
  };
}
