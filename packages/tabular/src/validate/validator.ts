import type { CountryCode } from "libphonenumber-js";
import type { EntityDefinition, FieldDefinition } from "../entities/types";
import { type RowErrorCode, TabularError } from "../errors";
import type { SourceRow } from "../parse/source";
import { clampValue, type DateOrder } from "../profile/profile-columns";
import { applyFix, type Fix } from "./fixes";
import { capacityFor, HashSet53, HashTable53, hash31, hash53, keyOnly } from "./hash-table";
import { compileField, type FieldNormaliser, type FieldValue } from "./normalise-field";

/** The closed list of row outcomes; the ledger counts each row under exactly one. */
export const rowStatuses = ["valid", "invalid", "empty", "duplicate"] as const;
export type RowStatus = (typeof rowStatuses)[number];

/** One problem on one row: where (source line, column header, field), what (code), and the clamped value. */
export interface RowError {
  line: number;
  column: string | null;
  field: string | null;
  code: RowErrorCode;
  value: string;
  /** For `INVALID_ENUM`: the allowed value the cell most resembles. */
  suggestion?: string;
}

/** A validated row: its status, its typed record (mapped fields only), its errors and its raw cells. */
export interface ValidatedRow {
  line: number;
  status: RowStatus;
  record: Record<string, FieldValue>;
  errors: RowError[];
  cells: string[];
}

/** Everything validation needs, decided by the operator or the analysis before it runs. */
export interface ValidationPlan {
  entity: EntityDefinition;
  headers: readonly string[];
  mapping: ReadonlyArray<{ columnIndex: number; field: string | null }>;
  /** Per date field, the column's day/month order (from its profile or the operator). */
  dateOrders?: Readonly<Record<string, DateOrder | null>>;
  defaultCountry?: CountryCode;
  fixes?: readonly Fix[];
}

interface Bound {
  field: FieldDefinition;
  columnIndex: number;
  column: string;
  fixes: Fix[];
}

/** Resolves the mapping against the entity; `MAPPING_INVALID` on unknown fields, doubles or bad columns. */
export function bindMapping(plan: ValidationPlan): Bound[] {
  const fields = new Map(plan.entity.fields.map((field) => [field.name, field]));
  const seen = new Set<string>();
  const bound: Bound[] = [];
  for (const entry of plan.mapping) {
    if (entry.field === null) continue;
    const field = fields.get(entry.field);
    const column = plan.headers[entry.columnIndex];
    if (!field || column === undefined || seen.has(entry.field)) throw new TabularError("MAPPING_INVALID");
    seen.add(entry.field);
    bound.push({
      field,
      columnIndex: entry.columnIndex,
      column,
      fixes: (plan.fixes ?? []).filter((fix) => fix.field === entry.field),
    });
  }
  const order = plan.entity.fields.map((field) => field.name);
  return bound.sort((a, b) => order.indexOf(a.field.name) - order.indexOf(b.field.name));
}

/** The file's key: the mapped field that is both required and unique (`employeeId`), if any. */
export function keyOf(bound: readonly Bound[]): Bound | undefined {
  return bound.find((entry) => entry.field.unique && entry.field.required);
}

/** The raw cell for a bound field with the operator's fixes applied, trimmed. */
export function fixedCell(bound: Bound, cells: readonly string[]): string {
  let value = cells[bound.columnIndex] ?? "";
  for (const fix of bound.fixes) value = applyFix(value, fix);
  return value.trim();
}

function isBlankRow(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.length > 0 && cell.trim() !== "") return false;
  return true;
}

function rowError(
  line: number,
  entry: Bound | undefined,
  code: RowErrorCode,
  value: string,
  suggestion?: string,
): RowError {
  return {
    line,
    column: entry?.column ?? null,
    field: entry?.field.name ?? null,
    code,
    value: clampValue(value),
    ...(suggestion ? { suggestion } : {}),
  };
}

/**
 * A row validator for one file. Stateful on purpose: unique fields and duplicate rows are checked
 * against earlier rows of the same file (53-bit hashes of key and unique values, ~24 bytes per row
 * each), and references against `referenceKeys` (hashes collected in a first pass, `validateSource`).
 * A row repeated exactly (same key, same cells) is a `duplicate`, not an error; the same key with
 * different cells is `DUPLICATE_VALUE`.
 *
 * `options.keyTable` is the key → row-hash table to fill: when the key is also a reference target, the
 * reference pass already holds every key hash (as {@link keyOnly}) in it, and validation reuses it
 * instead of keeping a second table of the same hashes.
 */
export function createRowValidator(
  plan: ValidationPlan,
  referenceKeys?: ReadonlyMap<string, HashSet53>,
  options: { expectedRows?: number; keyTable?: HashTable53 } = {},
) {
  const bound = bindMapping(plan);
  const byField = new Map(bound.map((entry) => [entry.field.name, entry]));
  // Each column's normaliser is built once (phone metadata compiled, date order fixed), not per cell.
  const normalisers: FieldNormaliser[] = bound.map((entry) =>
    compileField(entry.field, {
      defaultCountry: plan.defaultCountry,
      dateOrder: plan.dateOrders?.[entry.field.name] ?? null,
    }),
  );
  const width = plan.headers.length;
  const key = keyOf(bound);
  // Sized up front when the row count is known (a reference pass counted it): growing doubles each
  // table a dozen times, and every outgrown array lingers until a full collection (~50 MB on 1M rows).
  const capacity = capacityFor(options.expectedRows ?? 0);
  // Everything remembered across rows is a 53-bit hash in a typed-array table, never the cell text:
  // cells are slices of the parser's chunk text, and keeping a million of them kept the whole file in
  // memory (781 MB peak RSS on the 1M-row bench). The key's table maps key → row hash, which also
  // keeps the key unique; other unique fields keep their value hashes.
  const uniques = new Map(
    bound
      .filter((entry) => entry.field.unique && entry !== key)
      .map((entry) => [entry.field.name, new HashSet53(capacity)]),
  );
  const keyRows = options.keyTable ?? new HashTable53(key ? capacity : undefined);
  const rowHashes = new HashSet53(key ? undefined : capacity);
  const dateRules = plan.entity.constraints.flatMap((rule) =>
    rule.kind === "dateOrder" && byField.has(rule.start) && byField.has(rule.end) ? [rule] : [],
  );
  const referenceRules = plan.entity.constraints.flatMap((rule) =>
    rule.kind === "reference" && byField.has(rule.field) && referenceKeys?.has(rule.target) ? [rule] : [],
  );

  return {
    validate(row: SourceRow): ValidatedRow {
      const { line, cells } = row;
      // A plain object (not a null-prototype dictionary): its keys are the entity's own field names,
      // written in the same order on every row, so V8 keeps one fast shape for every record.
      const record: Record<string, FieldValue> = {};
      const errors: RowError[] = [];
      if (isBlankRow(cells)) return { line, status: "empty", record, errors, cells };
      let isRepeatedKey = false;
      if (key) {
        const keyValue = fixedCell(key, cells);
        const keyHash = hash53(keyValue);
        // 31 bits of the row hash suffice: it is only compared between rows that share a key.
        const rowHash = hash31(cells);
        const stored = keyRows.get(keyHash);
        const previous = stored === keyOnly ? undefined : stored;
        if (previous === rowHash) return { line, status: "duplicate", record, errors, cells };
        isRepeatedKey = previous !== undefined && keyValue !== "";
        if (previous === undefined && keyValue !== "") keyRows.set(keyHash, rowHash);
      } else {
        const hash = hash53(cells);
        if (rowHashes.has(hash)) return { line, status: "duplicate", record, errors, cells };
        rowHashes.add(hash);
      }
      if (cells.length > width && !isBlankRow(cells.slice(width))) {
        errors.push(rowError(line, undefined, "EXTRA_CELLS", cells.slice(width).join(" ")));
      }
      for (let index = 0; index < bound.length; index += 1) {
        const entry = bound[index] as Bound;
        const name = entry.field.name;
        const value = fixedCell(entry, cells);
        if (value === "") {
          record[name] = null;
          if (entry.field.required) errors.push(rowError(line, entry, "REQUIRED", ""));
          continue;
        }
        const result = (normalisers[index] as FieldNormaliser)(value);
        if ("code" in result) {
          record[name] = value;
          errors.push(rowError(line, entry, result.code, value, result.suggestion));
          continue;
        }
        record[name] = result.value;
        if (entry === key && isRepeatedKey) errors.push(rowError(line, entry, "DUPLICATE_VALUE", value));
        const seen = uniques.get(name);
        if (seen) {
          const hash = hash53(String(result.value));
          if (seen.has(hash)) errors.push(rowError(line, entry, "DUPLICATE_VALUE", value));
          else seen.add(hash);
        }
      }
      for (const rule of dateRules) {
        const start = record[rule.start];
        const end = record[rule.end];
        if (
          typeof start === "string" &&
          typeof end === "string" &&
          !errors.some((error) => error.field === rule.end) &&
          end < start
        ) {
          errors.push(rowError(line, byField.get(rule.end), "DATE_ORDER", end));
        }
      }
      for (const rule of referenceRules) {
        const value = record[rule.field];
        if (typeof value === "string" && !referenceKeys?.get(rule.target)?.has(hash53(value)))
          errors.push(rowError(line, byField.get(rule.field), "UNKNOWN_REFERENCE", value));
      }
      return { line, status: errors.length > 0 ? "invalid" : "valid", record, errors, cells };
    },
  };
}
