import { type RowErrorCode, TabularError } from "../errors";
import type { ValidatedRow } from "../validate/validator";

/**
 * Where every row went: `read = exported + rejectedTotal + empty + duplicates`, with `rejected` split
 * by each rejected row's first error code (so the split sums to `rejectedTotal`).
 */
export interface RowLedger {
  read: number;
  exported: number;
  /** Of `exported`: invalid rows exported because the operator chose to include them. */
  exportedWithErrors: number;
  rejected: Partial<Record<RowErrorCode, number>>;
  rejectedTotal: number;
  empty: number;
  duplicates: number;
}

/** Counts rows as a writer classifies them; `close` checks the balance against the reader's count. */
export class LedgerCounter {
  private readonly ledger: RowLedger = {
    read: 0,
    exported: 0,
    exportedWithErrors: 0,
    rejected: {},
    rejectedTotal: 0,
    empty: 0,
    duplicates: 0,
  };

  /** Records one row's fate; `isExported` says whether the writer wrote it to the main output. */
  count(row: ValidatedRow, isExported: boolean): void {
    const ledger = this.ledger;
    if (row.status === "empty") ledger.empty += 1;
    else if (row.status === "duplicate") ledger.duplicates += 1;
    else if (isExported) {
      ledger.exported += 1;
      if (row.status === "invalid") ledger.exportedWithErrors += 1;
    } else {
      const code = row.errors[0]?.code;
      if (code === undefined)
        throw new TabularError("LEDGER_MISMATCH", undefined, {
          cause: new Error(`line ${row.line}: rejected without an error`),
        });
      ledger.rejected[code] = (ledger.rejected[code] ?? 0) + 1;
      ledger.rejectedTotal += 1;
    }
  }

  /**
   * The final ledger, with `read` as counted by the reader. Throws `LEDGER_MISMATCH` when the rows the
   * writer accounted for differ from the rows read — a row lost or invented between them fails the job.
   */
  close(read: number): RowLedger {
    const ledger = { ...this.ledger, rejected: { ...this.ledger.rejected }, read };
    const byCode = Object.values(ledger.rejected).reduce((sum, count) => sum + count, 0);
    const accounted = ledger.exported + ledger.rejectedTotal + ledger.empty + ledger.duplicates;
    if (accounted !== read || byCode !== ledger.rejectedTotal) {
      throw new TabularError("LEDGER_MISMATCH", undefined, {
        cause: new Error(`read ${read}, accounted ${accounted}, by code ${byCode}`),
      });
    }
    return ledger;
  }
}
