/** Formats a duration or latency in milliseconds for people: "<1 ms", "12 ms", "1.4 s"; `null` means not measured. */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1) return "<1 ms";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Clamps a progress figure from the server into the 0–100 range a progress bar accepts. */
export function clampPercent(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, Math.round(value)));
}

/** Capitalises a machine name for display ("postgres" → "Postgres"). */
export function titleCase(name: string): string {
  return name.length === 0 ? name : `${name[0]?.toUpperCase() ?? ""}${name.slice(1)}`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const numberFormat = new Intl.NumberFormat();

function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A calendar date for tables ("Mar 4, 2026" in the reader's locale); "—" when absent or unparsable. */
export function formatDate(value: string | Date | null | undefined): string {
  const date = toDate(value);
  return date === null ? "—" : dateFormat.format(date);
}

/** Date and time to the minute in the reader's locale; "—" when absent or unparsable. */
export function formatDateTime(value: string | Date | null | undefined): string {
  const date = toDate(value);
  return date === null ? "—" : dateTimeFormat.format(date);
}

/** The ISO form for a `<time dateTime>` attribute, or undefined when the value is not a date. */
export function isoDateTime(value: string | Date | null | undefined): string | undefined {
  return toDate(value)?.toISOString();
}

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

const byteUnits = ["B", "KB", "MB", "GB", "TB"] as const;

/** Bytes in binary steps with one decimal above a kilobyte: "512 B", "1.5 KB", "2.0 GB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "—";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${byteUnits[unit]}`;
}

/** Share of a limit used, 0–100 and rounded; `null` when there is no limit to measure against. */
export function usagePercent(used: number, limit: number | null): number | null {
  if (limit === null || !Number.isFinite(limit) || limit <= 0) return null;
  return clampPercent((used / limit) * 100);
}
