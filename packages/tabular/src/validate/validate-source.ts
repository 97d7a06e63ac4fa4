import { sourceBatches, type TabularSource } from "../parse/source";
import type { ColumnProfile, DateOrder } from "../profile/profile-columns";
import { HashSet53, HashTable53, hash53 } from "./hash-table";
import {
  bindMapping,
  createRowValidator,
  fixedCell,
  keyOf,
  type ValidatedRow,
  type ValidationPlan,
} from "./validator";

/** Counts kept while validating; `read` is counted where rows leave the parser, for the ledger. */
export interface ValidationStats {
  read: number;
  /** False when reference targets exceeded `maxReferenceKeys` and references were not checked. */
  referencesChecked: boolean;
}

/** The day/month order of every mapped date field, from the profiles of their columns. */
export function dateOrdersFrom(
  mapping: ReadonlyArray<{ columnIndex: number; field: string | null }>,
  profiles: readonly ColumnProfile[],
): Record<string, DateOrder | null> {
  const orders: Record<string, DateOrder | null> = Object.create(null);
  for (const entry of mapping) {
    if (entry.field !== null) orders[entry.field] = profiles[entry.columnIndex]?.dateOrder ?? null;
  }
  return orders;
}

/**
 * Validates every row of a source. If the entity has references whose fields are mapped
 * (`managerId` → `employeeId`), a first pass collects the target values — at most `maxReferenceKeys`
 * (default 5,000,000; beyond that references are not checked and `stats.referencesChecked` says so) —
 * and the second pass validates, so a manager listed below their report still resolves.
 * Rows are taken from the source in its batches (`sourceBatches`) and handed on one at a time: handing
 * on whole validated batches was measured slower and ~70 MB higher at peak on the 1M-row bench (all of
 * a batch's records live at once), so `stats.read` counts row by row as they are taken.
 */
export function validateSource(
  source: TabularSource,
  plan: ValidationPlan,
  options: { maxReferenceKeys?: number } = {},
): { rows: AsyncIterable<ValidatedRow>; stats: ValidationStats } {
  const stats: ValidationStats = { read: 0, referencesChecked: true };
  const maxKeys = options.maxReferenceKeys ?? 5_000_000;
  const bound = bindMapping(plan);
  const targets = plan.entity.constraints.flatMap((rule) => {
    if (rule.kind !== "reference" || !bound.some((entry) => entry.field.name === rule.field)) return [];
    const target = bound.find((entry) => entry.field.name === rule.target);
    return target ? [target] : [];
  });
  const key = keyOf(bound);

  /** The reference pass (when there are references), then the row validator that uses its keys. */
  async function prepare() {
    let referenceKeys: Map<string, HashSet53> | undefined;
    let expectedRows: number | undefined;
    // The key's hashes (`managerId` → `employeeId`) go into the table validation keeps key → row hash
    // in: one table of a million hashes, not two holding the same ones (~24 MB on the 1M-row bench).
    let keyTable: HashTable53 | undefined;
    if (targets.length > 0) {
      expectedRows = 0;
      referenceKeys = new Map(
        targets.map((target) => {
          if (target !== key) return [target.field.name, new HashSet53()];
          keyTable = new HashTable53();
          return [target.field.name, keyTable];
        }),
      );
      let total = 0;
      collect: for await (const batch of sourceBatches(source)) {
        for (const row of batch) {
          expectedRows += 1;
          for (const target of targets) {
            const value = fixedCell(target, row.cells);
            if (value === "") continue;
            referenceKeys.get(target.field.name)?.add(hash53(value));
            total += 1;
            if (total > maxKeys) {
              referenceKeys = undefined;
              keyTable = undefined;
              stats.referencesChecked = false;
              break collect;
            }
          }
        }
      }
    }
    return createRowValidator(plan, referenceKeys, { expectedRows, keyTable });
  }

  async function* rows(): AsyncGenerator<ValidatedRow> {
    const validator = await prepare();
    for await (const batch of sourceBatches(source)) {
      for (const row of batch) {
        stats.read += 1;
        yield validator.validate(row);
      }
    }
  }

  return { rows: rows(), stats };
}
