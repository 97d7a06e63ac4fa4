import { type ColumnKind, type DateEvidence, dateEvidence, type ValueShape, valueShape } from "./classify";

/** The day/month order a date column uses, decided from its values; `ambiguous` needs the operator. */
export type DateOrder = "ymd" | "dmy" | "mdy" | "ambiguous";

/** What one column holds, for the mapper and for the operator. */
export interface ColumnProfile {
  index: number;
  name: string;
  kind: ColumnKind;
  /** Share of filled values that have the column's kind (0–1). */
  kindShare: number;
  rows: number;
  filled: number;
  fillRate: number;
  /** Distinct trimmed values, counted up to `distinctCap`. */
  distinct: number;
  distinctCapped: boolean;
  maxLength: number;
  /** A few distinct values, each clamped to `sampleChars`. */
  samples: string[];
  /** Date columns only. */
  dateOrder: DateOrder | null;
}

/** Bounds on what profiling keeps per column, so a million-row file profiles in constant memory. */
export interface ProfileOptions {
  distinctCap: number;
  sampleCount: number;
  sampleChars: number;
}

const defaults: ProfileOptions = { distinctCap: 10_000, sampleCount: 5, sampleChars: 80 };

/** Clamps a value for display and logs: at most `max` characters, marked with an ellipsis. */
export function clampValue(value: string, max = 80): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/**
 * A copy of a string that does not share memory with the text it was cut from. Parsers return cells
 * as slices of a large chunk; a slice kept in a set keeps the whole chunk alive.
 */
export function detach(value: string): string {
  return value.length < 13 ? value : Buffer.from(value, "utf8").toString("utf8");
}

class ColumnStats {
  filled = 0;
  maxLength = 0;
  distinct = new Set<string>();
  distinctCapped = false;
  samples: string[] = [];
  shapes = new Map<ValueShape, number>();
  dates: Record<DateEvidence, number> = { dmy: 0, mdy: 0, ymd: 0, either: 0 };
  dotted = 0;
  leadingZero = 0;
}

/**
 * Profiles columns incrementally: `add` each row's cells, then `finish`. Memory is bounded by
 * `distinctCap` and `sampleCount` per column, whatever the row count.
 */
export function createProfiler(headers: readonly string[], options: Partial<ProfileOptions> = {}) {
  const limits = { ...defaults, ...options };
  const stats = headers.map(() => new ColumnStats());
  let rows = 0;
  return {
    add(cells: readonly string[]): void {
      rows += 1;
      for (let index = 0; index < stats.length; index += 1) {
        const value = (cells[index] ?? "").trim();
        if (value === "") continue;
        const column = stats[index] as ColumnStats;
        column.filled += 1;
        if (value.length > column.maxLength) column.maxLength = value.length;
        if (!column.distinctCapped && !column.distinct.has(value)) {
          if (column.distinct.size >= limits.distinctCap) column.distinctCapped = true;
          else {
            column.distinct.add(value);
            if (column.samples.length < limits.sampleCount)
              column.samples.push(clampValue(value, limits.sampleChars));
          }
        }
        const shape = valueShape(value);
        column.shapes.set(shape, (column.shapes.get(shape) ?? 0) + 1);
        if (shape === "date") {
          const evidence = dateEvidence(value) as DateEvidence;
          column.dates[evidence] += 1;
          if (/^\d{1,2}\.\d{1,2}\./.test(value)) column.dotted += 1;
        }
        if (shape === "integer" && value.length > 1 && value.startsWith("0")) column.leadingZero += 1;
      }
    },
    finish(): ColumnProfile[] {
      return stats.map((column, index) => summarise(column, index, headers[index] ?? "", rows));
    },
  };
}

function decideDateOrder(column: ColumnStats): DateOrder {
  const { dmy, mdy, ymd, either } = column.dates;
  if (ymd >= dmy + mdy + either) return "ymd";
  if (dmy > 0 && mdy === 0) return "dmy";
  if (mdy > 0 && dmy === 0) return "mdy";
  // Dotted dates (01.04.2017) are day-first everywhere they are written that way.
  if (dmy === 0 && mdy === 0 && column.dotted > either / 2) return "dmy";
  return "ambiguous";
}

function summarise(column: ColumnStats, index: number, name: string, rows: number): ColumnProfile {
  let top: ValueShape = "text";
  let topCount = 0;
  for (const [shape, count] of column.shapes) {
    if (count > topCount) {
      top = shape;
      topCount = count;
    }
  }
  const share = column.filled === 0 ? 0 : topCount / column.filled;
  const distinct = column.distinct.size;
  const isUniqueish = distinct >= column.filled * 0.9;
  let kind: ColumnKind;
  if (column.filled === 0) kind = "empty";
  else if (share < 0.8) kind = "text";
  else if (top === "email" || top === "phone" || top === "date") kind = top;
  else if (
    top === "code" ||
    (top === "integer" && isUniqueish && (column.leadingZero > 0 || column.maxLength >= 4))
  )
    kind = "id";
  else if (top === "integer" || top === "decimal") kind = "number";
  else kind = "text";
  if (kind === "text" && column.filled >= 10 && distinct <= 20 && distinct <= column.filled / 3)
    kind = "enum";
  return {
    index,
    name,
    kind,
    kindShare: share,
    rows,
    filled: column.filled,
    fillRate: rows === 0 ? 0 : column.filled / rows,
    distinct,
    distinctCapped: column.distinctCapped,
    maxLength: column.maxLength,
    samples: column.samples,
    dateOrder: kind === "date" ? decideDateOrder(column) : null,
  };
}
